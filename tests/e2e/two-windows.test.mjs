// Two windows of one browser profile (issue 11): one writes at a time, the other says so; what one window changes,
// the other shows. Two pages of one persistent context share IndexedDB, Web Locks and BroadcastChannel, as two tabs
// (or the installed app and a tab) do on a phone.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dbCounts, openApp, openPage, PHONE, screenshot, previewWithScratch } from './support.mjs';

const suite = previewWithScratch('repaso-windows-');
const work = suite.work;

const ELSEWHERE = 'Repaso is open in another window';
const REPLACED = 'Repaso is now open in another window';

test('a second window says Repaso is open elsewhere; "Use here" takes over and the first window stops writing', { timeout: 90_000 }, async (t) => {
  const { browser, page: first } = await openPage(t, PHONE);
  await openApp(first, suite.server.url);
  await first.getByRole('button', { name: 'Study all' }).click();
  await first.getByRole('button', { name: 'Show answer' }).click();

  const second = await browser.context.newPage();
  await second.goto(suite.server.url);
  await second.getByRole('heading', { name: ELSEWHERE }).waitFor();
  await screenshot(second, 'open-elsewhere-light');
  assert.equal(await second.getByRole('button', { name: 'Study all' }).count(), 0);

  // The first window keeps working until the second takes over.
  await first.getByRole('button', { name: 'Good' }).click();
  await first.getByRole('button', { name: 'Show answer' }).click();
  assert.equal((await dbCounts(first)).log, 1);

  await second.getByRole('button', { name: 'Use here' }).click();
  await second.getByRole('heading', { name: 'Decks' }).waitFor();
  await first.getByRole('heading', { name: REPLACED }).waitFor();
  assert.equal(await first.getByRole('button', { name: 'Good' }).count(), 0, 'the first window no longer offers ratings');

  // The second window studies, with the first one's review counted.
  await second.getByRole('button', { name: 'Study all' }).click();
  await second.getByRole('button', { name: 'Show answer' }).click();
  await second.getByRole('button', { name: 'Good' }).click();
  await second.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.equal((await dbCounts(second)).log, 2);

  // And back: the first window takes over again, where it was (a review), with what the second saved.
  await first.getByRole('button', { name: 'Use here' }).click();
  await first.getByRole('button', { name: 'Show answer' }).waitFor();
  await second.getByRole('heading', { name: REPLACED }).waitFor();
  await screenshot(second, 'open-elsewhere-replaced-light');
  assert.equal((await dbCounts(first)).log, 2);
  assert.deepEqual(browser.errors, []);
});

test('without Web Locks, an import or a settings change in one window shows in the other at once', { timeout: 90_000 }, async (t) => {
  const { browser, page: first } = await openPage(t, PHONE);
  // A browser without the Web Locks API: every window writes, and the windows tell each other what changed.
  await browser.context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
  });
  await openApp(first, suite.server.url);
  const second = await browser.context.newPage();
  await openApp(second, suite.server.url);

  const path = join(work, 'astronomia.md');
  writeFileSync(path, '# Astronomía\n\n## ¿Qué es una estrella?\n\nUna esfera de plasma que brilla por fusión nuclear.\n');
  await first.getByRole('button', { name: 'Import notes' }).click();
  await first.getByTestId('import-files').setInputFiles(path);
  await first.getByRole('button', { name: 'Import', exact: true }).click();
  await first.getByRole('button', { name: 'Back to decks' }).click();
  await second.getByRole('button', { name: /Astronomía/ }).waitFor({ timeout: 10_000 });

  await first.getByRole('button', { name: 'Settings', exact: true }).click();
  await first.getByRole('radio', { name: 'Español' }).check();
  await second.getByRole('heading', { name: 'Mazos' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(browser.errors, []);
});

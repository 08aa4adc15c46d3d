import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { tableEvents } from '../../src/core/backup.ts';
import { dbDump, historyBackup, openApp, openPage, PHONE, restoreThroughSettings, screenshot, startPreview } from './support.mjs';

let server;
before(async () => {
  server = await startPreview();
});
after(async () => {
  await server?.stop();
});

test('statistics of a restored year of study: heatmap, forecast, retention, cards — in light and dark', { timeout: 120_000 }, async (t) => {
  const file = await historyBackup();
  const entries = unzipSync(readFileSync(file));
  const document = JSON.parse(strFromU8(entries['repaso-backup.json']));
  const backup = { ...document, log: document.log.files.flatMap((name) => tableEvents(JSON.parse(strFromU8(entries[name])))) };
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await restoreThroughSettings(page, file);

  await page.getByRole('button', { name: 'Statistics' }).click();
  await page.getByRole('heading', { name: 'Statistics' }).waitFor();
  const heatmap = page.getByRole('slider', { name: 'Reviews in the last year' });
  await heatmap.waitFor();
  const total = backup.log.length.toLocaleString('en');
  assert.equal(await page.locator('figcaption .total').first().innerText(), `${total} reviews`);
  assert.equal(await page.locator('.heatmap rect.cell').count(), 365);
  // Today is the day picked at first; its reviews are the simulation's last day.
  const todayCount = backup.log.filter((r) => r.time > Date.now() - 16 * 3_600_000 && r.time >= backup.log.at(-1).time - 12 * 3_600_000).length;
  assert.match(await heatmap.getAttribute('aria-valuetext'), new RegExp(`: ${todayCount} reviews?$`));
  await heatmap.focus();
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await heatmap.getAttribute('aria-valuenow'), '364');
  assert.match(await page.locator('main').innerText(), /True retention[\s\S]*Last 7 days[\s\S]*of \d+/);
  // The restored deck's 1,500 cards, and the bundled decks, which come back with the app after a restore.
  const bundled = JSON.parse(readFileSync(new URL('../../dist/decks/index.json', import.meta.url), 'utf8')).decks.reduce((sum, d) => sum + d.cards, 0);
  assert.equal(await page.getByRole('heading', { name: /^Cards/ }).innerText(), `Cards\n${(1500 + bundled).toLocaleString('en')}`);
  await screenshot(page, 'stats-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'stats-dark');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await screenshot(page, 'stats-dark-bottom');
  assert.deepEqual(browser.errors, []);
});

test('export → wipe → restore on another device reproduces the database exactly', { timeout: 120_000 }, async (t) => {
  const first = await openPage(t, PHONE);
  const page = first.page;
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  for (const rating of ['Good', 'Again', 'Easy']) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: rating }).click();
  }
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Back up now' }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const saved = await download;
  assert.match(saved.suggestedFilename(), /^repaso-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = await saved.path();
  await page.getByText(/^Last backup:/).waitFor();
  await screenshot(page, 'settings-data-dark');
  const original = await dbDump(page);
  assert.equal(original.log.length, 3);

  // "Wipe": a fresh browser profile, as on a new phone.
  const second = await openPage(t, PHONE);
  await openApp(second.page, server.url);
  assert.equal((await dbDump(second.page)).log.length, 0);
  await restoreThroughSettings(second.page, file);
  assert.deepEqual(await dbDump(second.page), original);
  // The restored data is a new generation of it: a window that read the old data stops at its next write.
  const generation = async (page) => (await dbDump(page, { withMeta: true })).meta.find((m) => m.key === 'generation')?.value ?? '';
  assert.notEqual(await generation(second.page), await generation(page));
  assert.equal(await second.page.evaluate(() => document.documentElement.dataset.theme), 'dark');

  // A damaged file is refused with a reason, and changes nothing.
  await second.page.getByRole('button', { name: 'Settings', exact: true }).click();
  await second.page.getByTestId('restore-file').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not really a zip') });
  await second.page.getByRole('alert').filter({ hasText: 'not a Repaso backup' }).waitFor();
  assert.deepEqual(await dbDump(second.page), original);
  assert.deepEqual([...first.browser.errors, ...second.browser.errors], []);
});

test('a settings change takes effect on the next card, and the review log exports as CSV', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  assert.match(await page.getByRole('button', { name: /^Again/ }).innerText(), /1m/);
  await page.getByRole('button', { name: 'Good' }).click();
  await page.getByRole('button', { name: 'Back to decks' }).click();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Learning steps', { exact: true }).fill('3m 30m');
  await page.getByLabel('New cards per day').fill('x');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('A whole number from 0 to 9999.').waitFor();
  await page.getByLabel('New cards per day').fill('5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved. The next card uses the new settings.').waitFor();
  // Learning steps schedule: the one card studied may be rescheduled by replaying its log.
  await page.getByText(/Reschedule the 1 card you have studied/).waitFor();
  await page.getByRole('button', { name: 'Reschedule' }).click();
  await page.getByText('1 card rescheduled.').waitFor();
  await screenshot(page, 'settings-light');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export review log (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  assert.equal(csv[0], 'card_id,review_time,review_rating,review_state,review_duration');
  assert.equal(csv.length, 2);
  assert.match(csv[1], /^[\w-]+,\d{13},3,0,\d+$/);

  await page.getByRole('button', { name: 'Back to decks' }).click();
  // Five new cards a day, one already studied (now a learning card due in 30 minutes): 4 new + 1 learning — unless
  // those 30 minutes cross 4:00, when the study day ends and the learning card belongs to tomorrow (regression: the
  // test failed between 3:30 and 4:00).
  const learningToday = await page.evaluate(() => {
    const dayEnd = new Date();
    dayEnd.setHours(4, 0, 0, 0);
    if (dayEnd.getTime() <= Date.now()) dayEnd.setDate(dayEnd.getDate() + 1);
    return dayEnd.getTime() - Date.now() > 30 * 60_000;
  });
  await page.getByRole('heading', { name: /to study today/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('.today h2')?.textContent?.includes('to study today'));
  assert.equal(await page.getByRole('heading', { name: /to study today/ }).innerText(), learningToday ? '5 to study today' : '4 to study today');
  await page.getByRole('button', { name: 'Study all' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  assert.match(await page.getByRole('button', { name: /^Again/ }).innerText(), /3m/);
  assert.deepEqual(browser.errors, []);
});

test('the whole UI in Spanish from the browser, in English by choice, and the choice survives a reload', { timeout: 90_000 }, async (t) => {
  const { browser, page } = await openPage(t, PHONE, { locale: 'es-ES' });
  await openApp(page, server.url);
  await page.getByRole('heading', { name: 'Mazos' }).waitFor();
  await page.getByRole('button', { name: 'Estadísticas' }).click();
  await page.getByRole('heading', { name: 'Estadísticas' }).waitFor();
  await page.getByRole('slider', { name: 'Repasos del último año' }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]), [390, 390]);
  await screenshot(page, 'stats-es-light');
  await page.getByRole('button', { name: 'Volver a los mazos' }).click();
  await page.getByRole('button', { name: 'Ajustes' }).click();
  await page.getByRole('heading', { name: 'Ajustes' }).waitFor();
  await page.getByText('Retención deseada').waitFor();
  // Regression: long Spanish button labels widened the settings past a 390 px screen.
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]), [390, 390]);
  await screenshot(page, 'settings-es-light');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('radio', { name: 'Automatic' }).check();
  await page.getByRole('heading', { name: 'Ajustes' }).waitFor();
  assert.deepEqual(browser.errors, []);
});

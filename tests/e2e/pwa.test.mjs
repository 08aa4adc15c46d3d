import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPage, PHONE, ROOT, dbCounts, openApp, screenshot, startFallbackHost, startPreview } from './support.mjs';

const work = mkdtempSync(join(tmpdir(), 'repaso-pwa-'));
const DIST_REPO = join(work, 'dist-repo');

function build(outDir, base = '/', publicDir = join(ROOT, 'public')) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...process.env, BASE: base, REPASO_PUBLIC_DIR: publicDir },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`vite build failed: ${run.stderr}`);
}

before(() => {
  build(DIST_REPO, '/repo/');
});
after(() => rmSync(work, { recursive: true, force: true }));

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 20_000 });
}

async function reviewOne(page, rating = 'Good') {
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: rating }).click();
  await page
    .getByRole('button', { name: 'Show answer' })
    .or(page.getByRole('heading', { name: 'Done for today' }))
    .waitFor();
}

test('works offline after the first visit: reload, a review offline, and a deep link with the server stopped', { timeout: 120_000 }, async (t) => {
  const dist = join(work, 'dist-offline');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  let server = await startPreview({ dist });
  const { browser, page } = await openPage(t, PHONE);
  t.after(() => server.stop());
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page, server.url);
  await controlled(page);
  await page.getByRole('button', { name: 'Study all' }).click();
  await reviewOne(page);

  await browser.context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await reviewOne(page);
  assert.equal((await dbCounts(page)).log, 2);
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
  await screenshot(page, 'offline-decks');
  await browser.context.setOffline(false);
  await page.reload();
  await page.getByRole('heading', { name: 'Decks' }).waitFor();
  assert.equal((await dbCounts(page)).log, 2);

  await server.stop();
  await page.goto(`${server.url}review?decks=software-git-basics`);
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  assert.match(await page.getByTestId('question').innerText(), /commit/i);

  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'every request is same-origin');
  server = { stop: async () => {} };
});

async function installability(page) {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  return { installabilityErrors, manifestErrors: manifest.errors, url: manifest.url };
}

for (const [label, base, distOf] of [
  ['at the root', '/', () => join(ROOT, 'dist')],
  ['under /repo/', '/repo/', () => DIST_REPO],
]) {
  test(`is installable ${label}, with a manifest that parses`, { timeout: 60_000 }, async (t) => {
    const server = await startPreview({ dist: distOf(), base });
    const { browser, page } = await openPage(t, PHONE);
    t.after(() => server.stop());
    await openApp(page, server.url);
    await controlled(page);
    const result = await installability(page);
    assert.deepEqual(result.installabilityErrors, []);
    assert.deepEqual(result.manifestErrors, []);
    assert.equal(result.url, `${server.url}manifest.webmanifest`);
    const manifest = await (await fetch(result.url)).json();
    assert.equal(new URL(manifest.start_url, result.url).href, server.url);
    assert.equal(new URL(manifest.scope, result.url).href, server.url);
    if (base !== '/') {
      await browser.context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Decks' }).waitFor();
      await page.goto(`${server.url}review`);
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
    }
  });
}

test('a new version shows "New version — Reload" between cards; Reload brings it and keeps the reviews', { timeout: 180_000 }, async (t) => {
  const dist = join(work, 'dist-update');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const server = await startPreview({ dist });
  const { page } = await openPage(t, PHONE);
  t.after(() => server.stop());
  await openApp(page, server.url);
  await controlled(page);
  await page.getByRole('button', { name: 'Study all' }).click();
  await reviewOne(page);
  await reviewOne(page);

  // The next release: one more note, so new deck files and a new service worker precache.
  const notes = mkdtempSync(join(work, 'notes-'));
  cpSync(join(ROOT, 'cards'), notes, { recursive: true });
  writeFileSync(join(notes, 'nueva.md'), '---\ntitle: Nueva\n---\n## ¿Qué trae la versión nueva?\n\nUn mazo más.\n');
  const publicNext = mkdtempSync(join(work, 'public-'));
  cpSync(join(ROOT, 'public'), publicNext, { recursive: true, filter: (src) => !src.includes(`${join(ROOT, 'public')}/decks`) });
  const cards = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-decks.ts'), notes, '--out', join(publicNext, 'decks')], {
    encoding: 'utf8',
  });
  assert.equal(cards.status, 0, cards.stderr);
  const next = join(work, 'dist-next');
  build(next, '/', publicNext);
  assert.notEqual(readFileSync(join(next, 'sw.js'), 'utf8'), readFileSync(join(dist, 'sw.js'), 'utf8'));

  // Mid-card, the notice must not appear; the check happens when the app becomes visible again.
  rmSync(dist, { recursive: true });
  cpSync(next, dist, { recursive: true });
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await page.waitForTimeout(1500);
  assert.equal(await page.getByRole('button', { name: 'Reload' }).count(), 0, 'no notice in the middle of a card');
  await page.getByRole('button', { name: 'Back to decks' }).click();
  await page.getByRole('button', { name: 'Reload' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'update-notice');
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('button', { name: /^Study: Nueva/ }).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('button', { name: 'Reload' }).count(), 0);
  assert.equal((await dbCounts(page)).log, 2);
  await screenshot(page, 'after-update');
});

test('a deck file missing on a host that answers with its HTML page: never cached nor stored, and fine once the host is fixed (regression)', { timeout: 120_000 }, async (t) => {
  const dist = join(work, 'dist-missing-deck');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const index = JSON.parse(readFileSync(join(dist, 'decks/index.json'), 'utf8'));
  const missing = index.decks[0];
  const deckPath = join(dist, 'decks', missing.file);
  const deckBytes = readFileSync(deckPath);
  rmSync(deckPath);
  const host = await startFallbackHost(dist);
  t.after(() => host.stop());

  const { browser, page } = await openPage(t, PHONE);
  await page.goto(host.url);
  // The app says what is wrong, in words, and stores no deck.
  await page.getByText(`The deck “${missing.title}” that comes with Repaso is damaged on the server`).waitFor({ timeout: 20_000 });
  assert.equal((await dbCounts(page)).decks, 0);
  // The service worker refused to cache the HTML page as the deck, so this version did not install.
  await page.getByTestId('offline-status').filter({ hasText: 'could not save itself for offline use' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'decks-host-broken');
  const cached = await page.evaluate(async (file) => {
    for (const name of await caches.keys()) {
      const response = await (await caches.open(name)).match(`decks/${file}`, { ignoreSearch: true });
      if (response) return response.headers.get('content-type');
    }
    return null;
  }, missing.file);
  assert.equal(cached, null);

  // The host is fixed: the next visit loads every deck and installs.
  writeFileSync(deckPath, deckBytes);
  await page.reload();
  await page.getByRole('heading', { name: /to study today/ }).waitFor({ timeout: 20_000 });
  assert.equal((await dbCounts(page)).decks, index.decks.length);
  await controlled(page);
  assert.deepEqual(browser.errors, []);
});

test('the first visit says when Repaso is not available offline yet, and when it is', { timeout: 60_000 }, async (t) => {
  const server = await startPreview();
  t.after(() => server.stop());
  const { browser, page } = await openPage(t, PHONE);
  await openApp(page, server.url);
  await page.getByTestId('offline-status').filter({ hasText: 'Ready to work offline.' }).waitFor({ timeout: 20_000 });
  await controlled(page);
  await browser.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: /to study today/ }).waitFor();
  // A later visit has nothing to say about it.
  assert.equal(await page.getByTestId('offline-status').count(), 0);
});

// Shared by the browser tests and the benchmark: Debian's Chromium through playwright-core, a real
// `vite preview` of the built app, and a fresh persistent profile (IndexedDB and the service worker on disk).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'screenshots');

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const SMALL_PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function assertChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. Browser tests never skip.`);
  }
}

let nextPort = 4300 + Math.floor(Math.random() * 500);

/** Serves `dist` (or another built folder) with `vite preview`; resolves once it answers. */
export async function startPreview({ dist = 'dist', base = '/' } = {}) {
  const port = nextPort++;
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort', '--outDir', dist, '--base', base], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return { url, origin: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start:\n${output}`);
}

function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The browser's time zone for a test starting now: UTC, except between 3:15 and 4:00 UTC, when the browser runs an
 * hour behind — a learning step of up to 30 minutes taken then would cross 4:00, the start of the next study day,
 * and the card would leave today's counts (regression: tests failed in that half hour every day).
 */
export function testTimeZone(now = new Date()) {
  const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
  return minutes >= 195 && minutes < 240 ? 'Etc/GMT+1' : 'UTC';
}

/** A persistent profile in a fresh folder: IndexedDB and the service worker live on disk as on a phone. */
export async function launch(device = PHONE, { colorScheme = 'light', locale = 'en-US', profile, timezoneId = testTimeZone() } = {}) {
  assertChromium();
  const userDataDir = profile ?? mkdtempSync(join(tmpdir(), 'repaso-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    colorScheme,
    locale,
    timezoneId,
    ...device,
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return {
    context,
    userDataDir,
    errors,
    closed: false,
    async close({ keepProfile = false } = {}) {
      if (this.closed) return;
      this.closed = true;
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Waits for the decks screen of a fresh app (the bundled decks loaded). */
export async function openApp(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { name: /Decks|Mazos/ }).waitFor({ timeout: 20_000 });
}

/** Counts records in the app's IndexedDB stores, from inside the page. */
export async function dbCounts(page) {
  const dump = await dbDump(page);
  return { log: dump.log.length, states: dump.states.length, decks: dump.decks.length };
}

/**
 * The database counts once `settled(counts)` holds, or as last read after `ms`: an action's write may land after
 * the screen already shows what follows it (the next card's "Show answer" is on screen before an undo, too).
 */
export async function countsWhen(page, settled, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const counts = await dbCounts(page);
    if (settled(counts) || Date.now() > deadline) return counts;
    await page.waitForTimeout(50);
  }
}

/** A copy of the built app whose bundled decks come from another notes folder. */
export async function buildWithNotes(notesDir) {
  const { cpSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const dist = mkdtempSync(join(tmpdir(), 'repaso-dist-'));
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-decks.ts'), notesDir, '--out', join(dist, 'decks')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building decks failed: ${run.stderr}`);
  return dist;
}

/** A browser with a fresh persistent profile and its page, closed when the test ends. */
export async function openPage(t, device = PHONE, options = {}) {
  const browser = await launch(device, options);
  t.after(() => browser.close());
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return { browser, page };
}

/**
 * Every record of every store of the app's database, from inside the page (bytes as plain arrays), and `log`: the
 * events of its log pages. The `meta` store describes this copy of the data (a restore gives it a new generation
 * and device) and is left out unless asked for.
 */
export function dbDump(page, { withMeta = false } = {}) {
  return page.evaluate(
    (withMeta) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('repaso');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((name) => withMeta || name !== 'meta');
          const tx = db.transaction(names);
          const out = {};
          let pending = names.length;
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = JSON.parse(JSON.stringify(request.result, (_key, value) => (value instanceof Uint8Array ? Array.from(value) : value)));
              if (--pending === 0) {
                db.close();
                // The log's events, page after page (see core/log-pages.ts), as the tests count and compare them.
                out.log = out.logPages.flatMap((page) => page.events);
                resolve(out);
              }
            };
          }
        };
      }),
    withMeta,
  );
}

/** A backup file holding a simulated year of study that ends now (see tests/support/history.ts). */
export async function historyBackup({ leechCards = 0 } = {}) {
  const { spawnSync } = await import('node:child_process');
  const file = join(mkdtempSync(join(tmpdir(), 'repaso-history-')), 'repaso-backup-history.zip');
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'tests/support/write-history-backup.ts'), file, String(Date.now()), String(leechCards)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`writing the history backup failed: ${run.stderr}`);
  return file;
}

/** Restores a backup file through the settings screen, and waits for the app to reopen on the decks. */
export async function restoreThroughSettings(page, file, { settings = 'Settings', confirm = 'Replace with this backup' } = {}) {
  await page.getByRole('button', { name: settings, exact: true }).click();
  await page.getByTestId('restore-file').setInputFiles(file);
  await page.getByRole('button', { name: confirm }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/settings'), { timeout: 20_000 });
  await page.getByRole('heading', { name: /Decks|Mazos/ }).waitFor({ timeout: 20_000 });
}

/**
 * A static host for a built folder that answers every unknown path with index.html and status 200, as many SPA
 * hosts do — also for a missing deck file. Files are read on each request, so a test can "fix the host".
 */
export async function startFallbackHost(dir) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname } = await import('node:path');
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
  };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(200, { 'content-type': types['.html'] });
      response.end(await readFile(join(dir, 'index.html')));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** For a test file: `vite preview` of the build before its tests and a scratch folder, both gone after them. */
export function previewWithScratch(prefix) {
  const suite = { work: mkdtempSync(join(tmpdir(), prefix)), server: null };
  before(async () => {
    suite.server = await startPreview();
  });
  after(async () => {
    await suite.server?.stop();
    rmSync(suite.work, { recursive: true, force: true });
  });
  return suite;
}

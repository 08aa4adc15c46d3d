/**
 * The statistics screen and the backup path on the large store (20,000 cards, 200,000 review-log entries):
 * how long the charts take, how long a backup takes and how big it is, and how long a restore takes.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
// @ts-expect-error: plain ESM helpers shared with the browser tests
import { PHONE, launch, openApp, startPreview } from '../../tests/e2e/support.mjs';
import { CARDS_PER_DECK, DECKS, firstPage, LOG_ENTRIES, seedLargeStore, throttled } from './browser.ts';
import { watchLongTasks } from './hostile-imports.ts';
import { median, type Row } from './stats.ts';

const block = (ms: number) => (ms === 0 ? '< 50 ms' : `${ms.toFixed(0)} ms`);
const verdict = (ms: number) => (ms <= 100 ? 'ok' : 'MISS');

/** Navigation → statistics drawn, and the part of it after the screen mounted (its reads and drawing). */
async function statsTime(page: Page, url: string): Promise<{ total: number; screen: number }> {
  await page.goto(`${url}stats`);
  await page.waitForFunction(() => performance.getEntriesByName('repaso:stats-drawn').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const drawn = performance.getEntriesByName('repaso:stats-drawn')[0]!.startTime;
    return { total: drawn, screen: drawn - performance.getEntriesByName('repaso:stats-mount')[0]!.startTime };
  });
}

/**
 * The card browser on the large store: opening it (the whole collection read and its first page drawn), then one
 * keystroke at a time in the search box, each timed from the input event to the frame that paints its results.
 */
async function browserTimes(page: Page, url: string): Promise<{ openMs: number; keystrokes: number[] }> {
  const opening = Date.now();
  await page.goto(`${url}cards`);
  await page.getByTestId('browse-results').waitFor({ timeout: 60_000 });
  const openMs = Date.now() - opening;
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  const keystrokes: number[] = [];
  // Narrowing word by word as a user types "definición 123", then widening again with Backspace.
  const keys = [...'definicion 123', 'Backspace', 'Backspace', 'Backspace'];
  for (const key of keys) {
    const before = await page.evaluate(() => performance.getEntriesByName('repaso:search').length);
    await search.press(key === ' ' ? 'Space' : key);
    await page.waitForFunction((n) => performance.getEntriesByName('repaso:search').length > n, before, { timeout: 30_000 });
    keystrokes.push(await page.evaluate(() => performance.getEntriesByName('repaso:search').at(-1)!.duration));
  }
  return { openMs, keystrokes };
}

/**
 * What writing a restored database costs IndexedDB itself: every record the restore wrote, read back, then put into
 * a database of plain stores (no indexes) in one transaction. The restore's own time is this plus checking,
 * sanitizing and the indexes. `indexedMs`: the same, into stores with the app's own keys and indexes (read from its
 * database, so they are never written out twice): what any code writing these records pays. `chunkedMs`: the same
 * records, 100 to a request, into plain stores: Chromium's cost is per request (its IPC), not per byte, which is
 * what a layout of fewer, larger records would gain.
 */
async function restoreFloor(page: Page): Promise<{ ms: number; indexedMs: number; chunkedMs: number; records: number }> {
  return page.evaluate(async () => {
    type Index = { name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean };
    type Layout = { keyPath: string | string[] | null; indexes: Index[] };
    const open = (name: string, layouts?: Map<string, Layout | null>) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = layouts ? indexedDB.open(name, 1) : indexedDB.open(name);
        if (layouts)
          request.onupgradeneeded = () =>
            layouts.forEach((layout, store) => {
              // Plain: out-of-line keys, no indexes. Otherwise the app's key path and indexes.
              const created = request.result.createObjectStore(store, layout?.keyPath ? { keyPath: layout.keyPath } : undefined);
              layout?.indexes.forEach(({ name: index, keyPath, multiEntry, unique }) => created.createIndex(index, keyPath, { multiEntry, unique }));
            });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const names = ['decks', 'cardRefs', 'cardBodies', 'states', 'logPages', 'settings', 'media'];
    const app = await open('repaso');
    const read = app.transaction(names);
    const appLayouts = new Map(
      names.map((name) => {
        const store = read.objectStore(name);
        const indexes = [...store.indexNames].map((index) => {
          const { keyPath, multiEntry, unique } = store.index(index);
          return { name: index, keyPath, multiEntry, unique };
        });
        return [name, { keyPath: store.keyPath, indexes }];
      }),
    );
    const records = await Promise.all(
      names.map((name) => new Promise<unknown[]>((resolve) => (read.objectStore(name).getAll().onsuccess = (e) => resolve((e.target as IDBRequest<unknown[]>).result)))),
    );
    app.close();
    const plain = new Map(names.map((name) => [name, null]));
    const timedPuts = async (database: string, layouts: Map<string, Layout | null>, recordsOf: (list: unknown[]) => unknown[]) => {
      const floor = await open(database, layouts);
      const start = performance.now();
      const tx = floor.transaction(names, 'readwrite');
      names.forEach((name, i) => {
        const store = tx.objectStore(name);
        recordsOf(records[i]!).forEach((record, key) => (store.keyPath === null ? store.put(record, key) : store.put(record)));
      });
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      const ms = performance.now() - start;
      floor.close();
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(database);
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      return ms;
    };
    const ms = await timedPuts('repaso-restore-floor', plain, (list) => list);
    const indexedMs = await timedPuts('repaso-restore-floor-indexed', appLayouts, (list) => list);
    const chunkedMs = await timedPuts('repaso-restore-floor-chunked', plain, (list) =>
      Array.from({ length: Math.ceil(list.length / 100) }, (_, i) => list.slice(i * 100, i * 100 + 100)),
    );
    return { ms, indexedMs, chunkedMs, records: records.reduce((sum, list) => sum + list.length, 0) };
  });
}

/**
 * Backs up the app on `page` through Settings, then restores that file through Settings on `other` (another
 * profile): each step's time, and the longest main-thread block during it.
 */
async function backUpAndRestore(page: Page, other: Page, url: string) {
  await page.goto(`${url}settings`);
  const backupButton = page.getByRole('button', { name: 'Back up now' });
  await backupButton.waitFor();
  const backupTasks = await watchLongTasks(page);
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await backupButton.click();
  const file = await (await download).path();
  const backupMs = Date.now() - started;
  const backupBlock = await backupTasks.take();
  const size = statSync(file).size;

  await openApp(other, url);
  await other.goto(`${url}settings`);
  await other.getByTestId('restore-file').waitFor({ state: 'attached' });
  const restoreTasks = await watchLongTasks(other);
  const opening = Date.now();
  await other.getByTestId('restore-file').setInputFiles(file);
  const confirm = other.getByRole('button', { name: 'Replace with this backup' });
  await confirm.waitFor({ timeout: 120_000 });
  const openMs = Date.now() - opening;
  const openBlock = await restoreTasks.take();
  // The restore's two steps (user timings of data-safety.svelte.ts), heard before the window reopens itself.
  const steps = new Map<string, number>();
  await other.exposeFunction('__benchStep', (name: string, ms: number) => steps.set(name, ms));
  await other.evaluate(() => {
    const report = (globalThis as unknown as { __benchStep(name: string, ms: number): void }).__benchStep;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => report(e.name, e.duration))).observe({ entryTypes: ['measure'] });
  });
  const applying = Date.now();
  await confirm.click();
  await other.getByText('Restored. Reopening Repaso…').waitFor({ timeout: 300_000 });
  const applyMs = Date.now() - applying;
  const applyBlock = await restoreTasks.take();
  return { backupMs, backupBlock, size, openMs, openBlock, applyMs, applyBlock, steps };
}

/** Two phones of their own profiles against one preview: the first opens the app on a seeded store of `logEntries`. */
async function onTwoPhones<T>(logEntries: number, work: (page: Page, other: Page, url: string) => Promise<T>): Promise<T> {
  const server = await startPreview();
  const source = await launch(PHONE);
  const target = await launch(PHONE);
  try {
    const page = await firstPage(source);
    await openApp(page, server.url);
    await seedLargeStore(page, logEntries);
    return await work(page, await firstPage(target), server.url);
  } finally {
    await source.close();
    await target.close();
    await server.stop();
  }
}

export async function benchData(): Promise<Row[]> {
  return onTwoPhones(LOG_ENTRIES, async (page, other, url) => {
    // The first visit also loads the screen's code; every visit reads a year of day totals from the log's pages.
    const firstVisit = await statsTime(page, url);
    const visits: { total: number; screen: number }[] = [];
    for (let i = 0; i < 3; i++) visits.push(await statsTime(page, url));
    const slowVisits: { total: number; screen: number }[] = [];
    await throttled(page, async () => {
      for (let i = 0; i < 3; i++) slowVisits.push(await statsTime(page, url));
    });
    const later = median(visits.map((v) => v.total));
    const slow = median(slowVisits.map((v) => v.total));
    const cardBrowser = await browserTimes(page, url);
    const slowestKey = Math.max(...cardBrowser.keystrokes);

    const { backupMs, backupBlock, size, openMs, openBlock, applyMs, applyBlock, steps } = await backUpAndRestore(page, other, url);
    // Measured from a page of its own (a file of the origin that runs no app code): the restored window reopens itself.
    const probe = await other.context().newPage();
    await probe.goto(`${url}manifest.webmanifest`);
    await probe.evaluate('globalThis.__name = (fn) => fn');
    const floor = await restoreFloor(probe);

    return [
      { measure: `store: ${DECKS * CARDS_PER_DECK} cards, ${LOG_ENTRIES} log entries`, value: '', target: '', verdict: 'info' },
      { measure: 'navigation → statistics drawn, first visit', value: `${firstVisit.total.toFixed(0)} ms`, target: '≤ 500 ms', verdict: firstVisit.total <= 500 ? 'ok' : 'MISS' },
      { measure: 'navigation → statistics drawn, later visits (median of 3)', value: `${later.toFixed(0)} ms`, target: '≤ 300 ms', verdict: later <= 300 ? 'ok' : 'MISS' },
      { measure: '  of which: the screen mounted → read and drawn (median of 3)', value: `${median(visits.map((v) => v.screen)).toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'statistics drawn, 4× CPU throttling (median of 3)', value: `${slow.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: '  of which: the screen mounted → read and drawn, 4× throttling', value: `${median(slowVisits.map((v) => v.screen)).toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'card browser: navigation → whole collection read, first page drawn', value: `${cardBrowser.openMs} ms`, target: '', verdict: 'info' },
      {
        measure: `card browser: search keystroke → results drawn (median of ${cardBrowser.keystrokes.length})`,
        value: `${median(cardBrowser.keystrokes).toFixed(1)} ms`,
        target: '≤ 100 ms',
        verdict: median(cardBrowser.keystrokes) <= 100 ? 'ok' : 'MISS',
      },
      { measure: 'card browser: search keystroke → results drawn (slowest)', value: `${slowestKey.toFixed(1)} ms`, target: '≤ 100 ms', verdict: slowestKey <= 100 ? 'ok' : 'MISS' },
      { measure: 'backup: click → file handed over (export + zip)', value: `${backupMs} ms`, target: '≤ 2000 ms', verdict: backupMs <= 2000 ? 'ok' : 'MISS' },
      { measure: 'backup: longest main-thread block meanwhile (zipped in a worker)', value: block(backupBlock), target: '≤ 100 ms', verdict: verdict(backupBlock) },
      { measure: 'backup file size', value: `${(size / 1024 / 1024).toFixed(1)} MB`, target: '', verdict: 'info' },
      { measure: 'restore: file chosen → checked, confirm shown', value: `${openMs} ms`, target: '', verdict: 'info' },
      { measure: 'restore: longest main-thread block while checking', value: block(openBlock), target: '≤ 100 ms', verdict: verdict(openBlock) },
      { measure: 'restore: confirm → cards sanitized, database replaced', value: `${applyMs} ms`, target: '≤ 3000 ms', verdict: applyMs <= 3000 ? 'ok' : 'MISS' },
      { measure: '  of which: card HTML sanitized (this page)', value: `${(steps.get('repaso:restore-sanitize') ?? NaN).toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: '  of which: database written (the worker)', value: `${(steps.get('repaso:restore-write') ?? NaN).toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: `floor: bare IndexedDB, the same ${floor.records} records put in one transaction (same run)`, value: `${floor.ms.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: `floor: the same records into the app's keys and indexes, one transaction (same run)`, value: `${floor.indexedMs.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: `floor: the same records, 100 to a put, no indexes (per-request cost, same run)`, value: `${floor.chunkedMs.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'restore: longest main-thread block while restoring', value: block(applyBlock), target: '≤ 100 ms', verdict: verdict(applyBlock) },
    ];
  });
}

const MILLION = 1_000_000;

/** A restore of 1,000,000 reviews (years of heavy study), from the app's own backup of them. */
export async function benchMillionRestore(): Promise<Row[]> {
  return onTwoPhones(MILLION, async (page, other, url) => {
    const run = await backUpAndRestore(page, other, url);
    return [
      { measure: `store: ${DECKS * CARDS_PER_DECK} cards, ${MILLION} log entries`, value: '', target: '', verdict: 'info' },
      { measure: 'backup: click → file handed over', value: `${run.backupMs} ms`, target: '', verdict: 'info' },
      { measure: 'backup file size', value: `${(run.size / 1024 / 1024).toFixed(1)} MB`, target: '', verdict: 'info' },
      { measure: 'restore: file chosen → checked, confirm shown', value: `${run.openMs} ms`, target: '', verdict: 'info' },
      { measure: 'restore: confirm → database replaced', value: `${run.applyMs} ms`, target: '≤ 15000 ms', verdict: run.applyMs <= 15_000 ? 'ok' : 'MISS' },
      {
        measure: 'restore: longest main-thread block, checking and restoring',
        value: block(Math.max(run.openBlock, run.applyBlock)),
        target: '≤ 100 ms',
        verdict: verdict(Math.max(run.openBlock, run.applyBlock)),
      },
    ];
  });
}

/**
 * The statistics screen and the backup path on the large store (20,000 cards, 200,000 review-log entries):
 * how long the charts take, how long a backup takes and how big it is, and how long a restore takes.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
// @ts-expect-error: plain ESM helpers shared with the browser tests
import { PHONE, launch, openApp, startPreview } from '../../tests/e2e/support.mjs';
import { CARDS_PER_DECK, DECKS, firstPage, LOG_ENTRIES, seedLargeStore } from './browser.ts';
import { watchLongTasks } from './hostile-imports.ts';
import { median, type Row } from './stats.ts';

async function statsTime(page: Page, url: string): Promise<number> {
  await page.goto(`${url}stats`);
  await page.waitForFunction(() => performance.getEntriesByName('repaso:stats-drawn').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('repaso:stats-drawn')[0]!.startTime);
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

export async function benchData(): Promise<Row[]> {
  const server = await startPreview();
  const source = await launch(PHONE);
  const target = await launch(PHONE);
  try {
    const page = await firstPage(source);
    await openApp(page, server.url);
    await seedLargeStore(page);
    // The first visit folds the last year of the log into day totals and keeps them; later visits read only
    // the reviews logged since.
    const firstVisit = await statsTime(page, server.url);
    const stats: number[] = [];
    for (let i = 0; i < 3; i++) stats.push(await statsTime(page, server.url));
    const cardBrowser = await browserTimes(page, server.url);
    const slowestKey = Math.max(...cardBrowser.keystrokes);

    await page.goto(`${server.url}settings`);
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

    const other = await firstPage(target);
    await openApp(other, server.url);
    await other.goto(`${server.url}settings`);
    await other.getByTestId('restore-file').waitFor({ state: 'attached' });
    const restoreTasks = await watchLongTasks(other);
    const opening = Date.now();
    await other.getByTestId('restore-file').setInputFiles(file);
    const confirm = other.getByRole('button', { name: 'Replace with this backup' });
    await confirm.waitFor({ timeout: 120_000 });
    const openMs = Date.now() - opening;
    const openBlock = await restoreTasks.take();
    const applying = Date.now();
    await confirm.click();
    await other.getByText('Restored. Reopening Repaso…').waitFor({ timeout: 300_000 });
    const applyMs = Date.now() - applying;
    const applyBlock = await restoreTasks.take();
    const block = (ms: number) => (ms === 0 ? '< 50 ms' : `${ms.toFixed(0)} ms`);
    const verdict = (ms: number) => (ms <= 100 ? 'ok' : 'MISS');

    return [
      { measure: `store: ${DECKS * CARDS_PER_DECK} cards, ${LOG_ENTRIES} log entries`, value: '', target: '', verdict: 'info' },
      { measure: 'navigation → statistics drawn, first visit', value: `${firstVisit.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'navigation → statistics drawn, later visits (median of 3)', value: `${median(stats).toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'card browser: navigation → whole collection read, first page drawn', value: `${cardBrowser.openMs} ms`, target: '', verdict: 'info' },
      { measure: `card browser: search keystroke → results drawn (median of ${cardBrowser.keystrokes.length})`, value: `${median(cardBrowser.keystrokes).toFixed(1)} ms`, target: '≤ 100 ms', verdict: median(cardBrowser.keystrokes) <= 100 ? 'ok' : 'MISS' },
      { measure: 'card browser: search keystroke → results drawn (slowest)', value: `${slowestKey.toFixed(1)} ms`, target: '≤ 100 ms', verdict: slowestKey <= 100 ? 'ok' : 'MISS' },
      { measure: 'backup: click → file handed over (export + zip)', value: `${backupMs} ms`, target: '', verdict: 'info' },
      { measure: 'backup: longest main-thread block meanwhile (zipped in a worker)', value: block(backupBlock), target: '≤ 100 ms', verdict: verdict(backupBlock) },
      { measure: 'backup file size', value: `${(size / 1024 / 1024).toFixed(1)} MB`, target: '', verdict: 'info' },
      { measure: 'restore: file chosen → checked, confirm shown', value: `${openMs} ms`, target: '', verdict: 'info' },
      { measure: 'restore: longest main-thread block while checking', value: block(openBlock), target: '≤ 100 ms', verdict: verdict(openBlock) },
      { measure: 'restore: confirm → cards sanitized, database replaced', value: `${applyMs} ms`, target: '', verdict: 'info' },
      { measure: 'restore: longest main-thread block while restoring', value: block(applyBlock), target: '≤ 100 ms', verdict: verdict(applyBlock) },
    ];
  } finally {
    await source.close();
    await target.close();
    await server.stop();
  }
}

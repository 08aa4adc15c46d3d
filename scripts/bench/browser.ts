/**
 * Benchmarks in real Chromium (persistent profile, phone emulation) against `vite build` + `vite preview`.
 * Large-store figures use 20,000 cards and 200,000 review-log entries seeded into the app's own database.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error: plain ESM helpers shared with the browser tests
import { PHONE, buildWithNotes, launch, openApp, startPreview } from '../../tests/e2e/support.mjs';
import type { DeckRecord, LogPage, ReviewLogRecord, StateRecord } from '../../src/adapters/db-schema.ts';
import type { CardBody, CardRef } from '../../src/core/deck-content.ts';
import type { CardState } from '../../src/core/scheduler.ts';
import { benchHostileImports } from './hostile-imports.ts';
import { median, type Row } from './stats.ts';

export const DECKS = 100;
export const CARDS_PER_DECK = 200;
export const LOG_ENTRIES = 200_000;

export type Browser = { context: { pages(): Page[]; newPage(): Promise<Page> }; close(): Promise<void> };

export async function firstPage(browser: Browser): Promise<Page> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  // tsx compiles this file with esbuild's keepNames, which wraps the functions we send to the page in `__name()`.
  await page.addInitScript('globalThis.__name = (fn) => fn');
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page;
}

/** Writes decks, card bodies, states and log entries straight into the app's IndexedDB schema. */
export async function seedLargeStore(page: Page, logEntries = LOG_ENTRIES): Promise<{ due: number }> {
  return page.evaluate(
    async ({ decks, perDeck, logEntries }) => {
      const request = indexedDB.open('repaso');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const done = (tx: IDBTransaction) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      const now = Date.now();
      const DAY = 86_400_000;
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const cardIds: string[] = [];
      let due = 0;
      const tx = db.transaction(['decks', 'cardRefs', 'cardBodies', 'states'], 'readwrite');
      for (let d = 0; d < decks; d++) {
        const deckId = `bench-${d}`;
        const refs: CardRef[] = [];
        const bodies: CardBody[] = [];
        for (let c = 0; c < perDeck; c++) {
          const id = `b${d}x${c}`;
          refs.push({ id, key: `["bench/${d}.md","term","sección ${c >> 3}","término ${c}"]`, section: `s${c >> 3}` });
          bodies.push({
            id,
            kind: 'term',
            question: `Término ${c} del mazo ${d}`,
            answer: `Definición del término ${c}: una frase de longitud realista para una tarjeta de estudio.`,
            questionHtml: `<p>Término ${c} del mazo ${d}</p>`,
            answerHtml: `<p>Definición del término ${c}: una frase de longitud realista para una tarjeta de estudio.</p>`,
            context: [`Mazo ${d}`, `Sección ${c >> 3}`],
            line: c + 1,
          });
          // 95% of cards have been reviewed; their due dates spread from two days ago to two months ahead. One in 50
          // of them is suspended (out of the queue), as a learner's leeches and set-aside cards are.
          if (c < perDeck * 0.95) {
            const dueAt = now + Math.floor((random() * 62 - 2) * DAY);
            const suspended = c % 50 === 49;
            if (dueAt < now && !suspended) due++;
            const fsrs: CardState = {
              phase: 'review',
              due: dueAt,
              stability: 20,
              difficulty: 5,
              elapsedDays: 10,
              scheduledDays: 20,
              learningSteps: 0,
              reps: 10,
              lapses: 1,
              lastReview: dueAt - 20 * DAY,
            };
            tx.objectStore('states').put({
              cardId: id,
              deckId,
              fsrs,
              suspended,
              buriedUntil: 0,
              leech: false,
              ...(suspended ? { parkedOf: deckId } : { queueDue: dueAt }),
            } satisfies StateRecord);
            cardIds.push(id);
          }
        }
        tx.objectStore('decks').put({
          id: deckId,
          title: `Mazo ${d}`,
          path: ['Bench', `Mazo ${d}`],
          source: `bench/${d}.md`,
          tags: [],
          hash: `bench-${d}`,
          origin: 'imported',
          cardCount: perDeck,
          tracked: Math.floor(perDeck * 0.95),
          updatedAt: now,
        } satisfies DeckRecord);
        tx.objectStore('cardRefs').put({ deckId, refs });
        tx.objectStore('cardBodies').put({ deckId, bodies });
      }
      await done(tx);
      // The log as the app keeps it (core/log-pages.ts): one page per device and study day, events of device "bench".
      const pages = new Map<number, LogPage>();
      for (let i = 0; i < logEntries; i++) {
        const cardId = cardIds[i % cardIds.length]!;
        const time = now - (1 + (i % 700)) * DAY;
        const day = Math.floor(time / DAY);
        const after: CardState = {
          phase: 'review',
          due: time + 10 * DAY,
          stability: 10,
          difficulty: 5,
          elapsedDays: 5,
          scheduledDays: 10,
          learningSteps: 0,
          reps: 5,
          lapses: 0,
          lastReview: time,
        };
        const seq = i + 1;
        const event: ReviewLogRecord = {
          id: `bench:${seq}`,
          device: 'bench',
          seq,
          cardId,
          deckId: `bench-${Number(cardId.slice(1, cardId.indexOf('x')))}`,
          rating: 3,
          time,
          durationMs: 5000,
          phaseBefore: 'review',
          after,
          elapsedDays: 5,
          shift: 0,
        };
        let page = pages.get(day);
        if (!page) pages.set(day, (page = { id: `bench:${day}`, device: 'bench', day, events: [], cards: [], totals: [day, 0, 0, 0, 0] }));
        page.events.push(event);
        // Every event is a review of a card in the review phase, not rated Again (see core/log-pages pageTotals).
        page.totals = [day, page.totals[1] + 1, page.totals[2] + 1, page.totals[3] + 1, page.totals[4] + event.durationMs];
      }
      const logTx = db.transaction('logPages', 'readwrite');
      for (const page of pages.values()) logTx.objectStore('logPages').put({ ...page, cards: [...new Set(page.events.map((e) => e.cardId))] });
      await done(logTx);
      db.close();
      return { due };
    },
    { decks: DECKS, perDeck: CARDS_PER_DECK, logEntries },
  );
}

/** Runs `work` with the page's CPU slowed four times (Chrome DevTools Protocol), then at full speed again. */
export async function throttled<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    return await work();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

async function firstCardTime(page: Page, url: string): Promise<number> {
  await page.goto(`${url}review`);
  await page.waitForFunction(() => performance.getEntriesByName('repaso:first-card').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('repaso:first-card')[0]!.startTime);
}

/** Click "Good" and wait for the next card's question in the DOM, then for the frame that paints it. */
async function ratingTimes(page: Page, count: number): Promise<{ dom: number[]; frame: number[] }> {
  return page.evaluate(async (n) => {
    const dom: number[] = [];
    const frame: number[] = [];
    // A rating button's name is its label and its interval ("Good, 10 minutes").
    const button = (label: string) =>
      [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label')?.split(',')[0] === label || b.textContent?.trim() === label);
    const question = () => document.querySelector('[data-testid="question"]');
    for (let i = 0; i < n; i++) {
      button('Show answer')?.click();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const previous = question();
      const good = button('Good');
      if (!good) break;
      const start = performance.now();
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          const current = question();
          if (current && current !== previous && !document.querySelector('[data-testid="answer"]')) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      good.click();
      await changed;
      dom.push(performance.now() - start);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      frame.push(performance.now() - start);
    }
    return { dom, frame };
  }, count);
}

/** The session's due query: the due index up to the end of the day, at most the review limit + headroom. */
async function dueQueryTimes(page: Page): Promise<{ times: number[]; count: number }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('repaso');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const until = Date.now() + 86_400_000;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const result: unknown[] = await new Promise((resolve, reject) => {
        const request = db.transaction('states').objectStore('states').index('due').getAll(IDBKeyRange.upperBound(until, true), 500);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      times.push(performance.now() - start);
      count = result.length;
    }
    db.close();
    return { times, count };
  });
}

/** The floor: a plain loop putting one record per card in one transaction, in a scratch database. */
async function perCardFloor(page: Page, cards: number): Promise<number> {
  return page.evaluate(async (n) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('repaso-floor', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('cards', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const start = performance.now();
    const tx = db.transaction('cards', 'readwrite');
    const store = tx.objectStore('cards');
    for (let i = 0; i < n; i++) {
      store.put({
        id: `c${i}`,
        key: `["bench/${i >> 8}.md","term","sección","término ${i}"]`,
        question: `Término ${i}`,
        answerHtml: `<p>Definición del término ${i}: una frase de longitud realista para una tarjeta de estudio.</p>`,
      });
    }
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    const elapsed = performance.now() - start;
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase('repaso-floor');
      del.onsuccess = del.onerror = del.onblocked = resolve;
    });
    return elapsed;
  }, cards);
}

function writeBulkNotes(dir: string, notes: number, termsPerNote: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < notes; n++) {
    const lines = [`---\ntitle: Nota ${n}\nparent: Carga\n---\n`, `# Nota ${n}\n`];
    for (let s = 0; s < termsPerNote / 10; s++) {
      lines.push(`## Sección ${s}\n`);
      for (let t = 0; t < 9; t++) lines.push(`- **Término ${s}-${t}:** definición del término con una frase de longitud realista.`);
      lines.push('');
    }
    writeFileSync(join(dir, `nota-${n}.md`), lines.join('\n'));
  }
}

/** Notes of 200 term cards each; `edited` rewrites the answer of every tenth card. */
function importNotes(dir: string, notes: number, edited: boolean): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let n = 0; n < notes; n++) {
    const lines = [`---\ntitle: Importada ${n}\nparent: Importadas\n---\n`, `# Importada ${n}\n`];
    for (let s = 0; s < 20; s++) {
      lines.push(`## Tema ${s}\n`);
      for (let t = 0; t < 9; t++) {
        const changed = edited && (s * 9 + t) % 10 === 0;
        lines.push(`- **Concepto ${s}-${t}:** ${changed ? 'definición corregida tras releer el libro' : 'definición del concepto con una frase de longitud realista'}.`);
      }
      lines.push('');
    }
    const path = join(dir, `importada-${n}.md`);
    writeFileSync(path, lines.join('\n'));
    paths.push(path);
  }
  return paths;
}

async function timedImport(page: Page, files: string[]): Promise<{ preview: number; apply: number }> {
  await page.getByRole('button', { name: 'Import notes' }).click();
  const input = page.getByTestId('import-files');
  await input.waitFor({ state: 'attached' });
  const started = Date.now();
  await input.setInputFiles(files);
  await page.getByRole('heading', { name: 'Before anything changes' }).waitFor({ timeout: 60_000 });
  const previewed = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported. Your decks are up to date.').waitFor({ timeout: 60_000 });
  const applied = Date.now();
  await page.getByRole('button', { name: 'Back to decks' }).first().click();
  return { preview: previewed - started, apply: applied - previewed };
}

export async function benchImport(): Promise<Row[]> {
  const server = await startPreview();
  const browser = await launch(PHONE);
  const dir = mkdtempSync(join(tmpdir(), 'repaso-import-notes-'));
  try {
    const page = await firstPage(browser);
    await openApp(page, server.url);
    const original = importNotes(join(dir, 'v1'), 25, false);
    const first = await timedImport(page, original);
    const edited = importNotes(join(dir, 'v2'), 25, true);
    const again = await timedImport(page, edited);
    const total = again.preview + again.apply;
    const hostile = await benchHostileImports(page, dir);
    return [
      { measure: 'first import of 5000 cards (25 notes): preview + apply', value: `${first.preview + first.apply} ms`, target: '', verdict: 'info' },
      { measure: 're-import with 10% of answers edited: preview', value: `${again.preview} ms`, target: '', verdict: 'info' },
      { measure: 're-import with 10% of answers edited: apply', value: `${again.apply} ms`, target: '', verdict: 'info' },
      { measure: 're-import: preview + apply', value: `${total} ms`, target: '≤ 2000 ms', verdict: total <= 2000 ? 'ok' : 'MISS' },
      ...hostile,
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBrowser(): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await startPreview();
  const big = await launch(PHONE);
  try {
    const page = await firstPage(big);
    await openApp(page, server.url);
    const seeded = await seedLargeStore(page);
    await firstCardTime(page, server.url); // warm the HTTP cache once, as a returning user has it
    const firstCard = [];
    for (let i = 0; i < 5; i++) firstCard.push(await firstCardTime(page, server.url));
    const rating = await ratingTimes(page, 30);
    const queue = await dueQueryTimes(page);
    // A mid-range phone: the same page with its CPU slowed four times (CDP), as Lighthouse does.
    const slow = await throttled(page, async () => {
      const times = [];
      for (let i = 0; i < 3; i++) times.push(await firstCardTime(page, server.url));
      return { first: median(times), rating: median((await ratingTimes(page, 10)).dom) };
    });
    const first = median(firstCard);
    const dom = median(rating.dom);
    const frame = median(rating.frame);
    const query = median(queue.times);
    rows.push(
      { measure: `store: ${DECKS * CARDS_PER_DECK} cards, ${LOG_ENTRIES} log entries, ${seeded.due} due`, value: '', target: '', verdict: 'info' },
      { measure: 'navigation → first card interactive (median of 5)', value: `${first.toFixed(0)} ms`, target: '≤ 400 ms', verdict: first <= 400 ? 'ok' : 'MISS' },
      {
        measure: 'navigation → first card interactive, 4× CPU throttling (median of 3)',
        value: `${slow.first.toFixed(0)} ms`,
        target: '≤ 1200 ms',
        verdict: slow.first <= 1200 ? 'ok' : 'MISS',
      },
      { measure: 'rating → next card in the DOM (median of 30)', value: `${dom.toFixed(1)} ms`, target: '≤ 10 ms', verdict: dom <= 10 ? 'ok' : 'MISS' },
      { measure: 'rating → next card in the DOM, 4× CPU throttling (median of 10)', value: `${slow.rating.toFixed(1)} ms`, target: '', verdict: 'info' },
      { measure: 'rating → next card painted (next frame)', value: `${frame.toFixed(1)} ms`, target: '', verdict: 'info' },
      {
        measure: `due-queue query (${queue.count} of ${seeded.due}+ due, limit 500, median of 10)`,
        value: `${query.toFixed(1)} ms`,
        target: '≤ 20 ms',
        verdict: query <= 20 ? 'ok' : 'MISS',
      },
    );
  } finally {
    await big.close();
    await server.stop();
  }

  const notes = mkdtempSync(join(tmpdir(), 'repaso-bulk-notes-'));
  writeBulkNotes(notes, 50, 200);
  const dist = await buildWithNotes(notes);
  const bulkServer = await startPreview({ dist });
  try {
    const loads: number[] = [];
    const floors: number[] = [];
    let cards = 0;
    for (let run = 0; run < 3; run++) {
      const fresh = await launch(PHONE);
      try {
        const page = await firstPage(fresh);
        await openApp(page, bulkServer.url);
        loads.push(await page.evaluate(() => performance.getEntriesByName('repaso:sync')[0]!.duration));
        cards = await page.evaluate(async () => {
          const db: IDBDatabase = await new Promise((resolve) => {
            const request = indexedDB.open('repaso');
            request.onsuccess = () => resolve(request.result);
          });
          const decks: { cardCount: number }[] = await new Promise((resolve) => {
            const request = db.transaction('decks').objectStore('decks').getAll();
            request.onsuccess = () => resolve(request.result);
          });
          db.close();
          return decks.reduce((sum, d) => sum + d.cardCount, 0);
        });
        floors.push(await perCardFloor(page, cards));
      } finally {
        await fresh.close();
      }
    }
    const load = median(loads);
    const floor = median(floors);
    rows.push(
      {
        measure: `first-run load of ${cards} bundled cards (fetch, merge, store; median of 3)`,
        value: `${load.toFixed(0)} ms`,
        target: '≤ 1.0× floor',
        verdict: load <= floor ? 'ok' : 'MISS',
      },
      { measure: 'floor: one put per card in one transaction (same runs)', value: `${floor.toFixed(0)} ms`, target: '', verdict: 'info' },
      { measure: 'load / floor', value: `${(load / floor).toFixed(2)}×`, target: '≤ 1.0×', verdict: load <= floor ? 'ok' : 'MISS' },
    );
  } finally {
    await bulkServer.stop();
    rmSync(dist, { recursive: true, force: true });
    rmSync(notes, { recursive: true, force: true });
  }
  return rows;
}

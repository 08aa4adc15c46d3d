// The review log in pages, in real Chromium: a database of the version before pages opens with every review kept,
// and two devices that import the same notes make backups with the same card ids.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { dbDump, launch, openApp, PHONE, previewWithScratch } from './support.mjs';

const suite = previewWithScratch('repaso-log-pages-');

/** A version 6 database (one record per review in `log`), written before the app ever runs on this origin. */
async function seedVersion6(page, reviews) {
  return page.evaluate(async (count) => {
    const DAY = 86_400_000;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('repaso', 6);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore('decks', { keyPath: 'id' });
        d.createObjectStore('cardRefs', { keyPath: 'deckId' });
        d.createObjectStore('cardBodies', { keyPath: 'deckId' });
        const states = d.createObjectStore('states', { keyPath: 'cardId' });
        states.createIndex('due', 'queueDue');
        states.createIndex('deck', 'deckId');
        states.createIndex('leech', 'leechOf');
        states.createIndex('deckDue', ['deckId', 'queueDue']);
        states.createIndex('hidden', 'hiddenOf');
        const log = d.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
        log.createIndex('card', 'cardId');
        log.createIndex('time', 'time');
        d.createObjectStore('settings', { keyPath: 'key' });
        d.createObjectStore('media', { keyPath: 'key' }).createIndex('deck', 'deckId');
        d.createObjectStore('meta', { keyPath: 'key' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = Date.now();
    const tx = db.transaction(['decks', 'cardRefs', 'cardBodies', 'states', 'log'], 'readwrite');
    const cards = 50;
    const refs = Array.from({ length: cards }, (_, i) => ({ id: `old${i}`, key: `["viejo.md","term","s","t${i}"]`, section: 's' }));
    tx.objectStore('decks').put({
      id: 'viejo',
      title: 'Viejo',
      path: ['Viejo'],
      source: 'viejo.md',
      tags: [],
      hash: 'h',
      origin: 'imported',
      cardCount: cards,
      tracked: 0,
      updatedAt: now,
    });
    tx.objectStore('cardRefs').put({ deckId: 'viejo', refs });
    tx.objectStore('cardBodies').put({
      deckId: 'viejo',
      bodies: refs.map((r, i) => ({
        id: r.id,
        kind: 'term',
        question: `T${i}`,
        answer: `A${i}`,
        questionHtml: `<p>T${i}</p>`,
        answerHtml: `<p>A${i}</p>`,
        context: ['Viejo'],
        line: i + 1,
      })),
    });
    // Practice answers leave the state alone: every card's log replays to no state change, and no state is needed.
    for (let i = 0; i < count; i++) {
      const time = now - (count - i) * 60_000 - DAY;
      const fsrs = { phase: 'new', due: time, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
      tx.objectStore('log').add({
        cardId: `old${i % cards}`,
        deckId: 'viejo',
        rating: 3,
        time,
        durationMs: 1000,
        before: null,
        after: fsrs,
        elapsedDays: 0,
        shift: 0,
        practice: true,
      });
    }
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
  }, reviews);
}

test('a database from before the log pages opens with every review kept, in pages of its days', { timeout: 120_000 }, async (t) => {
  const browser = await launch(PHONE);
  t.after(() => browser.close());
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  // Any file of the origin, so the app's code does not run before the old database exists.
  await page.goto(`${suite.server.url}manifest.webmanifest`);
  await seedVersion6(page, 3000);
  await openApp(page, suite.server.url);
  const dump = await dbDump(page, { withMeta: true });
  assert.equal(dump.log.length, 3000, 'every review is kept');
  const device = dump.meta.find((m) => m.key === 'device').value;
  assert.deepEqual(
    dump.log.map((e) => e.id).sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])),
    Array.from({ length: 3000 }, (_, i) => `${device}:${i + 1}`),
    'numbered as they were logged, by this device',
  );
  assert.ok(dump.logPages.length <= 4, `${dump.logPages.length} pages for ~2 days of reviews`);
  assert.equal(dump.meta.find((m) => m.key === 'logCounter').value, '3000');
});

test('two devices that import the same notes back up the same card ids', { timeout: 120_000 }, async (t) => {
  const notes = join(suite.work, 'redes.md');
  writeFileSync(notes, '# Redes\n\n## ¿Qué es un router?\n\nReenvía paquetes entre redes.\n\n## Capas\n\n- **Física:** bits por el medio.\n- **Enlace:** tramas entre vecinos.\n');
  const ids = [];
  for (const name of ['phone', 'laptop']) {
    const browser = await launch(PHONE);
    t.after(() => browser.close());
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openApp(page, suite.server.url);
    await page.getByRole('button', { name: 'Import notes' }).click();
    await page.getByTestId('import-files').setInputFiles([notes]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported. Your decks are up to date.').waitFor();
    await page.getByRole('button', { name: 'Back to decks' }).first().click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up now' }).click();
    const archive = unzipSync(readFileSync(await (await download).path()));
    const document = JSON.parse(strFromU8(archive['repaso-backup.json']));
    const refs = document.cardRefs.find((r) => r.deckId === 'redes').refs;
    ids.push(refs.map((r) => r.id).sort());
    t.diagnostic(`${name}: ${refs.length} cards, format ${document.version}`);
  }
  assert.equal(ids[0].length, 4, 'a question, a section and its two terms');
  assert.deepEqual(ids[0], ids[1]);
});

// The review log in pages (core/log-pages.ts, adapters/log-store.ts): the migration from one record per review, and
// random histories written through the store that must replay to the stored states.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { planAction, undoEdits } from '../../src/core/card-actions.ts';
import { ladder } from '../../src/adapters/db-migrations.ts';
import { migrationHelpers, type LogPage, type RepasoSchema, type StateRecord } from '../../src/adapters/db-schema.ts';
import type { LegacyLogRecord } from '../../src/core/backup.ts';
import { applyCardEdits } from '../../src/adapters/store-cards.ts';
import { Store } from '../../src/adapters/store.ts';
import { exportArchive, archiveContent, replaceAll } from '../../src/adapters/store-backup.ts';
import { readBackupArchive } from '../../src/adapters/backup-file.ts';
import type { LogRef } from '../../src/core/log-pages.ts';
import { seededRandom } from '../../src/core/random.ts';
import { createScheduler, DAY, type CardState, type Rating } from '../../src/core/scheduler.ts';
import { dumpDatabase, storedProblems } from '../support/invariants.ts';

const MIGRATIONS = ladder(migrationHelpers).steps;

const NOW = Date.UTC(2026, 10, 28, 12);
const HOUR = 3_600_000;
const scheduler = createScheduler();
let counter = 0;
const freshName = () => `log-pages-${++counter}`;

const deck = (id: string, cards: number) => ({
  id,
  title: id,
  path: [id],
  source: `${id}.md`,
  tags: [],
  hash: 'h',
  origin: 'imported' as const,
  cardCount: cards,
  tracked: cards,
  updatedAt: NOW,
});
const record = (cardId: string, deckId: string, fsrs: CardState): StateRecord => ({ cardId, deckId, fsrs, suspended: false, buriedUntil: 0, leech: false, queueDue: fsrs.due });

/** A version 5 database (before the generation, the pages and card ids from content) with `reviews` reviews. */
async function version5(name: string, cards: number, reviews: number) {
  const db = await openDB<RepasoSchema>(name, 5, {
    upgrade: (database, oldVersion, _new, tx) => {
      for (let v = oldVersion + 1; v <= 5; v++) MIGRATIONS[v]!(database, tx);
    },
  });
  const random = seededRandom(5);
  const states = new Map<string, StateRecord>();
  const entries: LegacyLogRecord[] = [];
  let time = NOW - 700 * DAY;
  for (let id = 1; id <= reviews; id++) {
    const cardId = `c${id % cards}`;
    const before = states.get(cardId) ?? null;
    const rating = (1 + Math.floor(random() * 4)) as Rating;
    time += Math.floor(random() * 6 * 60_000);
    const after = scheduler.next(before?.fsrs ?? null, rating, time, -2 * HOUR);
    entries.push({ id, cardId, deckId: 'd', rating, time, durationMs: 4000, before, after, elapsedDays: after.elapsedDays, shift: -2 * HOUR });
    states.set(cardId, record(cardId, 'd', after));
  }
  const tx = db.transaction(['decks', 'cardRefs', 'states', 'log' as never], 'readwrite');
  void tx.objectStore('decks').put(deck('d', cards));
  void tx.objectStore('cardRefs').put({ deckId: 'd', refs: Array.from({ length: cards }, (_, i) => ({ id: `c${i}`, key: `k${i}`, section: 's' })) });
  for (const state of states.values()) void tx.objectStore('states').put(state);
  const log = tx.objectStore('log' as never) as unknown as { put(value: unknown): Promise<unknown> };
  for (const entry of entries) void log.put(entry);
  await tx.done;
  db.close();
  return entries;
}

describe('the log in pages', () => {
  it('migrates a version 5 database of 200,000 reviews keeping every review, in order, replaying to every state', { timeout: 600_000 }, async () => {
    const name = freshName();
    const entries = await version5(name, 2000, 200_000);
    const store = await Store.open(name);
    const { log } = await dumpDatabase(name);
    expect(log).toHaveLength(entries.length);
    const device = log[0]!.device;
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const { id, before, ...entry } of entries) {
      const event = bySeq.get(id)!;
      expect(event).toEqual({ ...entry, phaseBefore: before?.fsrs.phase ?? null, id: `${device}:${id}`, device, seq: id });
    }
    expect(await storedProblems(name)).toEqual([]);
    // A study day is one page: two years of study are a few hundred records.
    const db = await openDB<RepasoSchema>(name);
    const pages: LogPage[] = await db.getAll('logPages');
    db.close();
    expect(pages.length).toBeLessThan(800);
    expect(new Set(pages.map((p) => p.day)).size).toBe(pages.length);

    // The next review continues this device's counter, after the migrated ones.
    const state = (await store.schedule.states(['c1'])).get('c1')!;
    const after = scheduler.next(state.fsrs, 3, NOW, -2 * HOUR);
    const ref = await store.schedule.recordReview(
      {
        state: record('c1', 'd', after),
        before: state,
        log: { cardId: 'c1', deckId: 'd', rating: 3, time: NOW, durationMs: 1, phaseBefore: state.fsrs.phase, after, elapsedDays: 0, shift: -2 * HOUR },
      },
      await store.writeBasis(),
    );
    expect(ref.id).toBe(`${device}:${entries.length + 1}`);
    store.close();
    expect(await storedProblems(name)).toEqual([]);
  });

  it('gives the pages of a version 7 database their day totals, and drops the statistics’ old cache', async () => {
    const name = freshName();
    const db = await openDB<RepasoSchema>(name, 7, {
      upgrade: (database, oldVersion, _new, tx) => {
        for (let v = oldVersion + 1; v <= 7; v++) MIGRATIONS[v]!(database, tx);
      },
    });
    const day = Math.floor(NOW / DAY);
    const event = (seq: number, rating: Rating, phaseBefore: CardState['phase'] | null) => {
      const after = scheduler.next(null, rating, NOW + seq, 0);
      return {
        id: `old:${seq}`,
        device: 'old',
        seq,
        cardId: `c${seq}`,
        deckId: 'd',
        rating,
        time: NOW + seq,
        durationMs: 1000 * seq,
        phaseBefore,
        after,
        elapsedDays: 0,
        shift: 0,
      };
    };
    // A page as version 7 wrote it: a last counter for the statistics' watermark, no totals.
    const events = [event(1, 3, 'review'), event(2, 1, 'review'), event(3, 4, null)];
    await db.put('logPages', { id: `old:${day}`, device: 'old', day, events, cards: ['c1', 'c2', 'c3'], lastSeq: 3 } as never);
    await db.put('settings', { key: 'statsCache', value: { watermark: { old: 3 }, days: [[day, 3, 2, 1, 6000]] } });
    db.close();

    const store = await Store.open(name);
    expect(await store.log.dayTotalsFrom(day)).toEqual([[day, 3, 2, 1, 6000]]);
    expect(await store.log.dayTotalsFrom(day + 1)).toEqual([]);
    expect(await store.settings.get('statsCache' as never)).toBeUndefined();
    store.close();
    const pages = await (await openDB<RepasoSchema>(name)).getAll('logPages');
    expect(pages[0]).not.toHaveProperty('lastSeq');
  });

  it(
    'random histories of ratings, undos and forgets replay to the stored states, and survive export → wipe → restore (regression: a forget, then a clock gone back, replayed out of order)',
    { timeout: 120_000 },
    async () => {
      for (const seed of [1, 2, 3]) {
        const name = freshName();
        const store = await Store.open(name);
        const cards = 12;
        {
          const db = await openDB<RepasoSchema>(name);
          await db.put('decks', { ...deck('d', cards), tracked: 0 });
          await db.put('cardRefs', { deckId: 'd', refs: Array.from({ length: cards }, (_, i) => ({ id: `c${i}`, key: `k${i}`, section: 's' })) });
          db.close();
        }
        const random = seededRandom(seed);
        const undo: { cardId: string; before: StateRecord | null; written: StateRecord; log: LogRef }[] = [];
        let time = NOW - 30 * DAY;
        for (let step = 0; step < 300; step++) {
          // Mostly forward, some days later, and now and then a clock that went back an hour.
          time += random() < 0.1 ? DAY : random() < 0.05 ? -HOUR : Math.floor(random() * 10 * 60_000);
          const shift = random() < 0.1 ? 3 * HOUR : -2 * HOUR;
          const roll = random();
          const basis = await store.writeBasis();
          if (roll < 0.15 && undo.length > 0) {
            const last = undo.pop()!;
            await store.schedule.restoreState({ cardId: last.cardId, deckId: 'd', before: last.before, written: last.written, log: last.log }, basis);
            continue;
          }
          const cardId = `c${Math.floor(random() * cards)}`;
          const before = (await store.schedule.states([cardId])).get(cardId) ?? null;
          if (roll < 0.22 && before) {
            const edits = planAction('forget', [{ ref: { id: cardId, key: '', section: 's' }, deckId: 'd', body: {} as never, state: before }], {
              now: time,
              dayEnd: time + DAY,
              shift,
            });
            const refs = await applyCardEdits(store, edits, basis);
            if (random() < 0.5) await applyCardEdits(store, undoEdits(edits, refs), await store.writeBasis());
            undo.length = 0;
            continue;
          }
          const rating = (1 + Math.floor(random() * 4)) as Rating;
          const after = scheduler.next(before?.fsrs ?? null, rating, time, shift);
          const written = { ...(before ?? record(cardId, 'd', after)), fsrs: after, queueDue: after.due };
          const log = await store.schedule.recordReview(
            {
              state: written,
              before,
              log: { cardId, deckId: 'd', rating, time, durationMs: 3000, phaseBefore: before?.fsrs.phase ?? null, after, elapsedDays: after.elapsedDays, shift },
            },
            basis,
          );
          undo.push({ cardId, before, written, log });
        }
        expect(await storedProblems(name), `seed ${seed}`).toEqual([]);
        const archive = readBackupArchive(await exportArchive(store, NOW));
        store.close();
        if (!archive.ok) throw new Error(archive.problem.code);
        const copy = freshName();
        await replaceAll(await Store.open(copy), archiveContent(archive));
        const [original, restored] = [await dumpDatabase(name), await dumpDatabase(copy)];
        expect(restored.log).toEqual(original.log);
        expect(restored.states).toEqual(original.states);
        expect(await storedProblems(copy), `seed ${seed}`).toEqual([]);
      }
    },
  );
});

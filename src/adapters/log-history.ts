/**
 * The review log's pages as everything but a rating reads and writes them: undo, the streak of the done screen, a
 * card's history (the card browser), the statistics' day totals, backups and restores, deleting cards for
 * good. Loaded with the first of them, so the first card does not wait for this code.
 */
import { groupByPage, withEvents, type LogPage, type LogRef, type PageTotals } from '../core/log-pages.ts';
import { inReplayOrder, withoutEvents } from '../core/log-replay.ts';
import { sameRecord } from '../core/records.ts';
import { COUNTER_KEY, DEVICE_KEY, type ReviewLogRecord } from './db-schema.ts';
import { randomId } from './ids.ts';
import type { MetaStore, PagesIndex, PagesStore } from './log-store.ts';
import { bumpTracked, type UndoWrite } from './schedule-repository.ts';
import { checkBasis, staleCard, type WriteBasis } from './write-basis.ts';
import { atomically, guarded, reportedByTransaction } from './store-error.ts';
import type { Connection } from './store.ts';

/** The events at `refs` (undefined where one is gone), and the pages read to find them, for removeEvents. */
export async function findEvents(pages: PagesStore, refs: readonly LogRef[]): Promise<{ found: (ReviewLogRecord | undefined)[]; pages: Map<string, LogPage> }> {
  const ids = [...new Set(refs.map((r) => r.page))];
  const read = await Promise.all(ids.map((id) => pages.get(id)));
  const byId = new Map<string, LogPage>();
  read.forEach((page, i) => page && byId.set(ids[i]!, page));
  const found = refs.map((ref) => byId.get(ref.page)?.events.find((e) => e.id === ref.id));
  return { found, pages: byId };
}

/** A page as it is after events were taken out of it: `kept`, or gone when nothing is left (null). */
function rewritePage(store: PagesStore<'readwrite'>, id: string, kept: LogPage | null): void {
  if (kept) store.put(kept).catch(reportedByTransaction);
  else store.delete(id).catch(reportedByTransaction);
}

/** Removes the events with these ids from pages read by findEvents; a page left empty goes. */
export function removeEvents(store: PagesStore<'readwrite'>, pages: ReadonlyMap<string, LogPage>, ids: ReadonlySet<string>): void {
  for (const page of pages.values()) {
    const kept = withoutEvents(page, (e) => ids.has(e.id));
    if (kept !== page) rewritePage(store, page.id, kept);
  }
}

/** The study days that have events, newest first, from `fromDay` down: keys of the day index only. */
export async function daysWithEvents(dayIndex: PagesIndex, fromDay: number, limit: number): Promise<number[]> {
  const days: number[] = [];
  let cursor = await dayIndex.openKeyCursor(IDBKeyRange.upperBound(fromDay), 'prevunique');
  while (cursor && days.length < limit) {
    days.push(cursor.key as number);
    cursor = await cursor.continue();
  }
  return days;
}

/** A new device for this copy, its counter at zero: after a restore, which brings events of other devices' ids. */
export function startNewDevice(meta: MetaStore): void {
  meta.put({ key: DEVICE_KEY, value: randomId() }).catch(reportedByTransaction);
  meta.put({ key: COUNTER_KEY, value: '0' }).catch(reportedByTransaction);
}

/** Every event of the cards' pages. */
async function eventsOfCards(pages: PagesStore, cardIds: Iterable<string>): Promise<{ pages: Map<string, LogPage>; events: ReviewLogRecord[] }> {
  const wanted = new Set(cardIds);
  const index = pages.index('card');
  const lists = await Promise.all([...wanted].map((id) => index.getAll(id)));
  const byId = new Map<string, LogPage>();
  for (const list of lists) for (const page of list) byId.set(page.id, page);
  const events: ReviewLogRecord[] = [];
  for (const page of byId.values()) for (const e of page.events) if (wanted.has(e.cardId)) events.push(e);
  return { pages: byId, events };
}

/** A card's whole history, in replay order. */
export async function cardHistory(pages: PagesStore, cardId: string): Promise<ReviewLogRecord[]> {
  return inReplayOrder((await eventsOfCards(pages, [cardId])).events);
}

/** How many events the cards' histories hold. */
export async function countCardEvents(pages: PagesStore, cardIds: Iterable<string>): Promise<number> {
  return (await eventsOfCards(pages, cardIds)).events.length;
}

/** Deletes every event of these cards (the user deleted them for good). */
export async function dropCardEvents(store: PagesStore<'readwrite'>, cardIds: Iterable<string>): Promise<void> {
  const wanted = new Set(cardIds);
  const { pages } = await eventsOfCards(store, wanted);
  for (const page of pages.values()) {
    rewritePage(
      store,
      page.id,
      withoutEvents(page, (e) => wanted.has(e.cardId)),
    );
  }
}

/** The totals of the pages of study day `day` and after, read from the keys of the `totals` index alone. */
export async function totalsFrom(pages: PagesStore, day: number): Promise<PageTotals[]> {
  const totals: PageTotals[] = [];
  for (let cursor = await pages.index('totals').openKeyCursor(IDBKeyRange.lowerBound([day])); cursor; cursor = await cursor.continue()) totals.push(cursor.key);
  return totals;
}

/** Every event, in replay order. */
export async function allEvents(pages: PagesStore): Promise<ReviewLogRecord[]> {
  const events: ReviewLogRecord[] = [];
  for (const page of await pages.getAll()) for (const e of page.events) events.push(e);
  return inReplayOrder(events);
}

/**
 * Pages `count` at a time in key order: how a backup reads a log too large to hold twice. The next batch is asked for
 * before this one is handed over, so IndexedDB reads it while the caller packs this one (the backup's two costs,
 * side by side instead of one after the other); at most two batches are held.
 */
export async function* pageBatches(pages: PagesStore, count: number): AsyncGenerator<LogPage[]> {
  const read = (after: string | null): Promise<LogPage[]> => pages.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), count);
  for (let next = read(null); ;) {
    const batch = await next;
    if (batch.length === 0) return;
    next = batch.length < count ? Promise.resolve([]) : read(batch.at(-1)!.id);
    // A caller that stops early never awaits it: its failure then has no one to tell.
    next.catch(() => {});
    yield batch;
  }
}

/** The time of the earliest event, or null: among the pages of the first study day that has any. */
export async function firstEventTime(pages: PagesStore): Promise<number | null> {
  const first = await pages.index('day').openCursor();
  if (!first) return null;
  const sameDay = await pages.index('day').getAll(first.value.day);
  let earliest = Infinity;
  for (const page of sameDay) for (const e of page.events) earliest = Math.min(earliest, e.time);
  return Number.isFinite(earliest) ? earliest : null;
}

/**
 * Writes events brought by a restore into their pages; `written` remembers the pages already put, so events of one
 * page split across two parts of a backup join it instead of replacing it.
 */
export async function putEvents(store: PagesStore<'readwrite'>, events: readonly ReviewLogRecord[], written: Set<string>): Promise<void> {
  for (const [id, group] of groupByPage(events)) {
    const page = written.has(id) ? await store.get(id) : undefined;
    store.put(withEvents(page, group.device, group.day, group.events)).catch(reportedByTransaction);
    written.add(id);
  }
}

/** Undo, as store.schedule.restoreState describes it. */
export function restoreState(store: Connection, undo: UndoWrite, basis: WriteBasis): Promise<void> {
  const { cardId, deckId, before, written, log } = undo;
  return store.writing(async () => {
    const tx = store.db.transaction(['states', 'logPages', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const pages = tx.objectStore('logPages');
      const [current, events] = await Promise.all([
        tx.objectStore('states').get(cardId),
        findEvents(pages, log === null ? [] : [log]),
        checkBasis({ meta: tx.objectStore('meta'), decks: tx.objectStore('decks') }, basis, []),
      ]);
      if (!sameRecord(current ?? null, written) || (log !== null && events.found[0]?.cardId !== cardId)) throw staleCard(cardId);
      if (log !== null) removeEvents(pages, events.pages, new Set([log.id]));
      if (before) tx.objectStore('states').put(before).catch(reportedByTransaction);
      else {
        tx.objectStore('states').delete(cardId).catch(reportedByTransaction);
        await bumpTracked(tx.objectStore('decks'), deckId, -1);
      }
    });
  });
}

/** The streak, as store.log.streak describes it. */
export function reviewStreak(store: Connection, today: number): Promise<number> {
  return guarded(async () => {
    const index = store.db.transaction('logPages').store.index('day');
    let streak = 0;
    let expected: number | null = null;
    for (let from = today; ;) {
      const days = await daysWithEvents(index, from, 400);
      for (const day of days) {
        if (expected === null) {
          if (day < today - 1) return 0;
          expected = day;
        }
        if (day !== expected) return streak;
        streak++;
        expected = day - 1;
      }
      if (days.length < 400) return streak;
      from = days.at(-1)! - 1;
    }
  });
}

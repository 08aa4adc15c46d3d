/**
 * The review log's pages in IndexedDB (see core/log-pages.ts), as the review path reads and writes them — inside a
 * transaction its caller opened, so an event and the state it led to are always written together. What only other
 * screens need (a card's history, backups, statistics) is in log-history.ts, loaded with them.
 */
import type { IDBPIndex, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { asEvent, daysOfRange, groupByPage, refOf, withEvents, type LogRef } from '../core/log-pages.ts';
import { COUNTER_KEY, DEVICE_KEY, type RepasoSchema, type ReviewLogEntry, type ReviewLogRecord } from './db-schema.ts';
import { randomId } from './ids.ts';
import { reportedByTransaction } from './store-error.ts';

type Mode = 'readonly' | 'readwrite' | 'versionchange';
type Stores = ArrayLike<StoreNames<RepasoSchema>>;
export type PagesStore<M extends Mode = Mode> = IDBPObjectStore<RepasoSchema, Stores, 'logPages', M>;
export type PagesIndex = IDBPIndex<RepasoSchema, Stores, 'logPages', 'card' | 'day' | 'device' | 'totals', Mode>;
export type MetaStore = IDBPObjectStore<RepasoSchema, Stores, 'meta', 'readwrite' | 'versionchange'>;
/** A readwrite transaction over at least the pages and `meta` (the device and its counter). */
export type LogTx = IDBPTransaction<RepasoSchema, Stores, 'readwrite'>;

/** This copy's device id and the counter of its last event; a database with none gets its device now. */
async function device(meta: MetaStore): Promise<{ device: string; counter: number }> {
  const [id, counter] = await Promise.all([meta.get(DEVICE_KEY), meta.get(COUNTER_KEY)]);
  if (id) return { device: id.value, counter: Number(counter?.value ?? 0) };
  const created = randomId();
  meta.put({ key: DEVICE_KEY, value: created }).catch(reportedByTransaction);
  return { device: created, counter: 0 };
}

/** Logs entries as this device's next events, in their pages; resolves to where each is kept. */
export async function appendEvents(tx: LogTx, entries: readonly ReviewLogEntry[]): Promise<LogRef[]> {
  if (entries.length === 0) return [];
  const meta = tx.objectStore('meta');
  const pages = tx.objectStore('logPages');
  const own = await device(meta);
  let seq = own.counter;
  const events = entries.map((entry) => asEvent(entry, own.device, ++seq));
  meta.put({ key: COUNTER_KEY, value: String(seq) }).catch(reportedByTransaction);
  const groups = [...groupByPage(events)];
  const stored = await Promise.all(groups.map(([id]) => pages.get(id)));
  groups.forEach(([, group], i) => pages.put(withEvents(stored[i], group.device, group.day, group.events)).catch(reportedByTransaction));
  return events.map(refOf);
}

/** Events logged in [from, to), in no particular order: only the pages of the days around that range are read. */
export async function eventsBetween(pages: PagesStore, from: number, to: number): Promise<ReviewLogRecord[]> {
  const [first, last] = daysOfRange(from, to);
  const read = await pages.index('day').getAll(IDBKeyRange.bound(first, last));
  const events: ReviewLogRecord[] = [];
  for (const page of read) for (const e of page.events) if (e.time >= from && e.time < to) events.push(e);
  return events;
}

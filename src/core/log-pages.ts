/**
 * The review log in pages: the events one device logged on one study day, in one record keyed
 * `${device}:${day}`. A page is only ever written by the device that made its events, and every event has an id
 * no other device can make (`${device}:${counter}`), so two devices' logs merge by taking the union of their pages —
 * what syncing through CouchDB needs, and why a restore or a backup handles a few hundred records instead of
 * hundreds of thousands. Pure: the adapters (adapters/log-store.ts) read and write the pages.
 */
import { isReview, type ReviewLogEntry, type ReviewLogRecord, type StateRecord } from './records.ts';

// Not the scheduler's DAY: the review path must not load the scheduler's engine for this module's sake.
const DAY = 86_400_000;

export interface LogPage {
  /** `${device}:${day}` */
  id: string;
  device: string;
  /** The study day of its events (studyDay of each event's time and shift). */
  day: number;
  /** In the order the device logged them (counter order). */
  events: ReviewLogRecord[];
  /** The cards its events are about, once each, for the multiEntry index that finds a card's history. */
  cards: string[];
  /** What the statistics need of its events, kept in the key of an index (see PageTotals). */
  totals: PageTotals;
}

/**
 * A page's study day and the totals of its reviews (Forget and practice events are not reviews of the day):
 * reviews, reviews of cards in the review phase (what true retention judges), those not rated Again, and time
 * spent. Kept as the key of the `totals` index, so the statistics read a year of them from the index alone —
 * a few hundred small keys — without reading a single event.
 */
export type PageTotals = [day: number, reviews: number, judged: number, passed: number, durationMs: number];

export function pageTotals(day: number, events: readonly Pick<ReviewLogEntry, 'rating' | 'practice' | 'phaseBefore' | 'durationMs'>[]): PageTotals {
  const totals: PageTotals = [day, 0, 0, 0, 0];
  for (const event of events) {
    if (!isReview(event)) continue;
    totals[1]++;
    totals[4] += event.durationMs;
    if (event.phaseBefore === 'review') {
      totals[2]++;
      if (event.rating > 1) totals[3]++;
    }
  }
  return totals;
}

/** Where one event is kept: its page and its id, for undo. */
export interface LogRef {
  page: string;
  id: string;
}

/** The study day an event belongs to: the day of its own time under the day shift it was scheduled with. */
export const eventDay = (event: Pick<ReviewLogEntry, 'time' | 'shift'>): number => Math.floor((event.time + event.shift) / DAY);

export const pageId = (device: string, day: number): string => `${device}:${day}`;

export const eventId = (device: string, seq: number): string => `${device}:${seq}`;

export const refOf = (event: ReviewLogRecord): LogRef => ({ page: pageId(event.device, eventDay(event)), id: event.id });

/** A device id: letters, digits and dashes, so ids made of it split at their one colon. */
export const DEVICE_ID = /^[0-9a-z-]{1,64}$/;

/** An entry as the event number `seq` of `device`. */
export function asEvent(entry: ReviewLogEntry, device: string, seq: number): ReviewLogRecord {
  return { ...entry, id: eventId(device, seq), device, seq };
}

/** A page with `events` added after its own (events already in it, by id, are not added twice). */
export function withEvents(page: LogPage | undefined, device: string, day: number, events: readonly ReviewLogRecord[]): LogPage {
  const kept = page?.events ?? [];
  const known = new Set(kept.map((e) => e.id));
  const added = events.filter((e) => !known.has(e.id));
  return pageOf(device, day, kept.length === 0 ? added : [...kept, ...added]);
}

/** The page of these events, its card index and totals made from them. */
export function pageOf(device: string, day: number, events: ReviewLogRecord[]): LogPage {
  return { id: pageId(device, day), device, day, events, cards: [...new Set(events.map((e) => e.cardId))], totals: pageTotals(day, events) };
}

/**
 * Events grouped into the pages they belong to, in the order first met. Used to write many events at once (a
 * restore, the migration from one record per review).
 */
export function groupByPage(events: readonly ReviewLogRecord[]): Map<string, { device: string; day: number; events: ReviewLogRecord[] }> {
  const pages = new Map<string, { device: string; day: number; events: ReviewLogRecord[] }>();
  for (const event of events) {
    const day = eventDay(event);
    const id = pageId(event.device, day);
    let page = pages.get(id);
    if (!page) pages.set(id, (page = { device: event.device, day, events: [] }));
    page.events.push(event);
  }
  return pages;
}

/**
 * The longest shift a day can have either way (UTC−12 with a day starting at 23:00, UTC+14 at midnight), and a
 * margin: the pages that may hold events of a time range are those of the days around it.
 */
const MAX_SHIFT = 36 * 60 * 60 * 1000;

/** The study days whose pages may hold events logged in [from, to). */
export function daysOfRange(from: number, to: number): [number, number] {
  return [Math.floor((from - MAX_SHIFT) / DAY), Math.floor((to + MAX_SHIFT) / DAY)];
}

/**
 * A log entry of a version 1 or 2 backup, and of a version 6 database: numbered by the database it came from, and
 * holding the card's whole record before it.
 */
export type LegacyLogRecord = Omit<ReviewLogEntry, 'phaseBefore'> & { id: number; before: StateRecord | null };

/** A numbered log entry as an event of `device`: its number becomes the counter, in the order it was logged. */
export function legacyEvent({ id, before, ...entry }: LegacyLogRecord, device: string): ReviewLogRecord {
  return asEvent({ ...entry, phaseBefore: before?.fsrs.phase ?? null }, device, id);
}

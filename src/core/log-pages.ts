/**
 * The review log in pages: the events one device logged on one study day, in one record keyed
 * `${device}:${day}`. A page is only ever written by the device that made its events, and every event has an id
 * no other device can make (`${device}:${counter}`), so two devices' logs merge by taking the union of their pages —
 * what syncing through CouchDB needs, and why a restore or a backup handles a few hundred records instead of
 * hundreds of thousands. Pure: the adapters (adapters/log-store.ts) read and write the pages.
 */
import type { ReviewLogEntry, ReviewLogRecord } from './records.ts';
import { DAY } from './scheduler.ts';

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
  /** The counter of its latest event: which pages hold events logged after a given one (statistics' watermark). */
  lastSeq: number;
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

/**
 * The order a history is replayed in, the same on every device that holds the same events: each device's events in
 * the order it logged them (its counter — what it computed each state from, even when its clock went backwards),
 * the devices' runs merged by time (then device id). One device's log replays exactly as it was written.
 */
export function inReplayOrder(events: readonly ReviewLogRecord[]): ReviewLogRecord[] {
  const runs = new Map<string, ReviewLogRecord[]>();
  for (const e of events) {
    const run = runs.get(e.device);
    if (run) run.push(e);
    else runs.set(e.device, [e]);
  }
  for (const run of runs.values()) run.sort((a, b) => a.seq - b.seq);
  if (runs.size <= 1) return runs.values().next().value ?? [];
  const heads = [...runs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, run]) => ({ run, at: 0 }));
  const merged: ReviewLogRecord[] = [];
  for (;;) {
    let next: (typeof heads)[number] | null = null;
    for (const head of heads) if (head.at < head.run.length && (!next || head.run[head.at]!.time < next.run[next.at]!.time)) next = head;
    if (!next) return merged;
    merged.push(next.run[next.at++]!);
  }
}

/** A page with `events` added after its own (events already in it, by id, are not added twice). */
export function withEvents(page: LogPage | undefined, device: string, day: number, events: readonly ReviewLogRecord[]): LogPage {
  const kept = page?.events ?? [];
  const known = new Set(kept.map((e) => e.id));
  const added = events.filter((e) => !known.has(e.id));
  return pageOf(device, day, kept.length === 0 ? added : [...kept, ...added]);
}

/** A page of these events, or null when none is left (a page is never stored empty). */
export function withoutEvents(page: LogPage, gone: (event: ReviewLogRecord) => boolean): LogPage | null {
  const events = page.events.filter((e) => !gone(e));
  if (events.length === page.events.length) return page;
  return events.length === 0 ? null : pageOf(page.device, page.day, events);
}

function pageOf(device: string, day: number, events: ReviewLogRecord[]): LogPage {
  const cards = [...new Set(events.map((e) => e.cardId))];
  let lastSeq = 0;
  for (const e of events) if (e.seq > lastSeq) lastSeq = e.seq;
  return { id: pageId(device, day), device, day, events, cards, lastSeq };
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

/** Per device, the counter of the last event counted: what the statistics already folded into their cache. */
export type Watermark = Record<string, number>;

/**
 * Splits events into the settled ones — per device, the longest run in counter order logged before `dayStart` —
 * and the rest (today's, which undo may still remove), with the watermark that the settled ones reach.
 */
export function settledEvents<E extends Pick<ReviewLogRecord, 'device' | 'seq' | 'time'>>(
  events: readonly E[],
  dayStart: number,
  watermark: Watermark,
): { settled: E[]; recent: E[]; watermark: Watermark } {
  const byDevice = new Map<string, E[]>();
  for (const e of events) {
    const list = byDevice.get(e.device);
    if (list) list.push(e);
    else byDevice.set(e.device, [e]);
  }
  const settled: E[] = [];
  const recent: E[] = [];
  const marks: Watermark = { ...watermark };
  for (const [device, list] of byDevice) {
    list.sort((a, b) => a.seq - b.seq);
    let end = 0;
    while (end < list.length && list[end]!.time < dayStart) end++;
    for (let i = 0; i < list.length; i++) (i < end ? settled : recent).push(list[i]!);
    if (end > 0) marks[device] = list[end - 1]!.seq;
  }
  return { settled, recent, watermark: marks };
}

export function isWatermark(value: unknown): value is Watermark {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([device, seq]) => DEVICE_ID.test(device) && Number.isSafeInteger(seq) && (seq as number) >= 0);
}

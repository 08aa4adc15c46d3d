/**
 * The review log read back (see log-pages.ts): the order a history replays in, and pages without some of their
 * events. Apart from log-pages so that the review path, which only appends, does not carry them. Pure.
 */
import { pageOf, type LogPage } from './log-pages.ts';
import type { ReviewLogRecord } from './records.ts';

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

/** A page of these events, or null when none is left (a page is never stored empty). */
export function withoutEvents(page: LogPage, gone: (event: ReviewLogRecord) => boolean): LogPage | null {
  const events = page.events.filter((e) => !gone(e));
  if (events.length === page.events.length) return page;
  return events.length === 0 ? null : pageOf(page.device, page.day, events);
}

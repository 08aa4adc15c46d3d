import { describe, expect, it } from 'vitest';
import { daysOfRange, eventDay, pageTotals, withEvents } from '../../src/core/log-pages.ts';
import { inReplayOrder, withoutEvents } from '../../src/core/log-replay.ts';
import type { ReviewLogRecord } from '../../src/core/records.ts';
import { DAY, unseenState } from '../../src/core/scheduler.ts';

const T = Date.UTC(2026, 10, 28, 12);
const event = (device: string, seq: number, time: number, cardId = 'c'): ReviewLogRecord => ({
  id: `${device}:${seq}`,
  device,
  seq,
  cardId,
  deckId: 'd',
  rating: 3,
  time,
  durationMs: 1,
  phaseBefore: null,
  after: unseenState(time),
  elapsedDays: 0,
  shift: 0,
});
const ids = (events: ReviewLogRecord[]) => events.map((e) => e.id);

describe('replay order', () => {
  it('keeps one device in the order it logged, even when its clock went backwards', () => {
    expect(ids(inReplayOrder([event('a', 2, T - 1000), event('a', 3, T + 5), event('a', 1, T)]))).toEqual(['a:1', 'a:2', 'a:3']);
  });

  it('merges devices by time, ties by device id, whatever order the events come in', () => {
    const events = [event('b', 1, T + 10), event('a', 1, T), event('b', 2, T + 30), event('a', 2, T + 10), event('a', 3, T + 40)];
    const order = ['a:1', 'a:2', 'b:1', 'b:2', 'a:3'];
    expect(ids(inReplayOrder(events))).toEqual(order);
    expect(ids(inReplayOrder([...events].reverse()))).toEqual(order);
  });
});

describe('pages', () => {
  it('add an event once, index its cards, and go when their last event does', () => {
    const page = withEvents(undefined, 'a', 7, [event('a', 1, T, 'x'), event('a', 2, T, 'y')]);
    expect(page).toMatchObject({ id: 'a:7', cards: ['x', 'y'], totals: [7, 2, 0, 0, 2] });
    const again = withEvents(page, 'a', 7, [event('a', 2, T, 'y'), event('a', 3, T, 'x')]);
    expect(ids(again.events)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(withoutEvents(again, (e) => e.cardId === 'x')).toMatchObject({ cards: ['y'], totals: [7, 1, 0, 0, 1] });
    expect(withoutEvents(again, () => true)).toBeNull();
  });

  it('total their reviews for the statistics: a Forget and a practice answer are not reviews; Again fails a review-phase card', () => {
    const at = (rating: ReviewLogRecord['rating'], phaseBefore: ReviewLogRecord['phaseBefore'], durationMs: number, practice?: true) => ({
      ...event('a', 1, T),
      rating,
      phaseBefore,
      durationMs,
      ...(practice ? { practice } : {}),
    });
    const events = [at(3, 'review', 10), at(1, 'review', 20), at(1, 'learning', 30), at(4, null, 40), at(0, 'review', 50), at(3, 'review', 60, true)];
    expect(pageTotals(9, events)).toEqual([9, 4, 2, 1, 100]);
  });

  it('file an event under its own study day, and a time range under the days any shift could put it in', () => {
    expect(eventDay({ time: T, shift: 0 })).toBe(Math.floor(T / DAY));
    expect(eventDay({ time: T, shift: 13 * 3_600_000 })).toBe(Math.floor(T / DAY) + 1);
    const [first, last] = daysOfRange(T, T + DAY);
    for (const shift of [-35, -12, 0, 14].map((h) => h * 3_600_000)) {
      for (const time of [T, T + DAY - 1]) expect(eventDay({ time, shift })).toBeGreaterThanOrEqual(first);
      for (const time of [T, T + DAY - 1]) expect(eventDay({ time, shift })).toBeLessThanOrEqual(last);
    }
  });
});

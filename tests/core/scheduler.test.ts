import { describe, expect, it } from 'vitest';
import { createScheduler, dayShift, DEFAULT_SCHEDULER_SETTINGS, intervalParts, replay, startOfStudyDay, type CardState, type Rating } from '../../src/core/scheduler.ts';
import { seededRandom } from '../../src/core/random.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const scheduler = createScheduler();
const UTC = 0;

describe('scheduler defaults (as Anki)', () => {
  it('uses retention 0.90, max interval 36500 days, steps 1m 10m / 10m, and fuzz on', () => {
    expect(DEFAULT_SCHEDULER_SETTINGS).toEqual({
      desiredRetention: 0.9,
      maximumInterval: 36_500,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz: true,
      dayStartHour: 4,
    });
  });

  it('moves a new card through the learning steps', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    const preview = scheduler.preview(null, now, UTC);
    expect(preview[1].due - now).toBe(1 * MIN);
    expect(preview[3].due - now).toBe(10 * MIN);
    expect(preview[3].phase).toBe('learning');
    expect(preview[4].phase).toBe('review');
    expect(preview[4].due - now).toBeGreaterThanOrEqual(DAY);
  });

  it('applies fuzz: the same card reviewed at different times gets different long intervals', () => {
    let state: CardState | null = null;
    let now = Date.UTC(2026, 0, 1, 12);
    for (let i = 0; i < 6; i++) {
      state = scheduler.next(state, 3, now, UTC);
      now = Math.max(now + MIN, state.due);
    }
    const intervals = new Set<number>();
    for (let offset = 0; offset < 20; offset++) {
      const next = scheduler.next(state, 3, now + offset * 1000, UTC);
      intervals.add(next.scheduledDays);
    }
    expect(intervals.size).toBeGreaterThan(1);
    const noFuzz = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
    const plain = new Set(Array.from({ length: 20 }, (_, offset) => noFuzz.next(state, 3, now + offset * 1000, UTC).scheduledDays));
    expect(plain.size).toBe(1);
  });

  it('rejects settings out of range instead of scheduling with them', () => {
    expect(() => createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 1.2 })).toThrow(/retention/);
    expect(() => createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, learningSteps: ['ten'] })).toThrow(/step/);
  });
});

describe('the study day starts at 04:00 local time', () => {
  // Madrid in summer is UTC+2; Bogotá is UTC−5.
  for (const [zone, offsetMinutes] of [
    ['UTC+2', 120],
    ['UTC-5', -300],
  ] as const) {
    const local = (day: number, hour: number, minute = 0) => Date.UTC(2026, 5, day, hour, minute) - offsetMinutes * MIN;

    it(`${zone}: 03:59 still belongs to the previous day, 04:00 opens the next`, () => {
      const clock = (now: number) => ({ now, utcOffsetMinutes: offsetMinutes });
      expect(startOfStudyDay(clock(local(11, 3, 59)), 4)).toBe(local(10, 4));
      expect(startOfStudyDay(clock(local(11, 4, 0)), 4)).toBe(local(11, 4));
      expect(startOfStudyDay(clock(local(11, 23, 30)), 4)).toBe(local(11, 4));
    });

    it(`${zone}: elapsed days are counted between local study days`, () => {
      const shift = dayShift({ now: local(10, 10), utcOffsetMinutes: offsetMinutes }, 4);
      let state: CardState | null = null;
      for (const rating of [3, 3] as Rating[]) state = scheduler.next(state, rating, local(10, 10), shift);
      const beforeRollover = scheduler.next(state, 3, local(11, 3, 30), shift);
      const afterRollover = scheduler.next(state, 3, local(11, 4, 30), shift);
      expect(beforeRollover.elapsedDays).toBe(0);
      expect(afterRollover.elapsedDays).toBe(1);
    });
  }
});

describe('robustness', () => {
  it('does not crash when the clock moved backwards; it reviews at the last review time', () => {
    const now = Date.UTC(2026, 2, 1, 12);
    const first = scheduler.next(null, 3, now, UTC);
    const second = scheduler.next(first, 3, now - 3 * DAY, UTC);
    expect(second.lastReview).toBe(now);
    expect(second.reps).toBe(2);
  });
});

describe('replaying the review log', () => {
  it('reproduces the stored state of 1,000 random histories exactly, fuzz included', () => {
    const rand = seededRandom(42);
    for (let history = 0; history < 1000; history++) {
      const shift = [0, 2 * HOUR - 4 * HOUR, -5 * HOUR - 4 * HOUR][history % 3]!;
      const log: { rating: Rating; time: number; shift: number }[] = [];
      let state: CardState | null = null;
      let now = Date.UTC(2025, 0, 1) + Math.floor(rand() * 365) * DAY;
      const reviews = 1 + Math.floor(rand() * 15);
      for (let i = 0; i < reviews; i++) {
        const rating = (1 + Math.floor(rand() * 4)) as Rating;
        state = scheduler.next(state, rating, now, shift);
        log.push({ rating, time: now, shift });
        // Sometimes early, sometimes late, sometimes with the clock going backwards.
        now = state.due + Math.floor((rand() - 0.3) * 3 * DAY);
      }
      expect(replay(scheduler, log)).toEqual(state);
    }
  });
});

describe('interval labels', () => {
  it('come as a number and a unit for Intl: minutes, hours, days, months, years', () => {
    expect([MIN, 10 * MIN, 3 * HOUR, 3 * DAY, 61 * DAY, 548 * DAY, 4000 * DAY].map(intervalParts)).toEqual([
      { value: 1, unit: 'minute' },
      { value: 10, unit: 'minute' },
      { value: 3, unit: 'hour' },
      { value: 3, unit: 'day' },
      { value: 2, unit: 'month' },
      { value: 1.5, unit: 'year' },
      { value: 11, unit: 'year' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { pageTotals } from '../../src/core/log-pages.ts';
import type { ReviewLogEntry } from '../../src/core/records.ts';
import { DAY, dayShift } from '../../src/core/scheduler.ts';
import {
  cardsByState,
  computeStats,
  currentStreak,
  forecastWindows,
  heatLevel,
  ledgerOf,
  reviewsPerDay,
  studyDay,
  timeSpent,
  trueRetention,
  weekdayOf,
} from '../../src/core/stats.ts';
import type { ParkedCard, StateCounts } from '../../src/core/stats.ts';
import { simulatedHistory } from '../support/history.ts';

// Madrid in winter (UTC+1), day starting at 04:00: the shift the scheduler would log.
const SHIFT = dayShift({ now: 0, utcOffsetMinutes: 60 }, 4);
/** 28 Nov 2026, 12:00 in Madrid. */
const NOW = Date.UTC(2026, 10, 28, 11);
const TODAY = studyDay(NOW, SHIFT);
const localTime = (daysAgo: number, hour: number) => Date.UTC(2026, 10, 28 - daysAgo, hour - 1);

type LoggedReview = Pick<ReviewLogEntry, 'time' | 'rating' | 'durationMs' | 'shift' | 'phaseBefore' | 'practice'>;

function review(time: number, rating: LoggedReview['rating'] = 3, phaseBefore: LoggedReview['phaseBefore'] = 'review', durationMs = 10_000): LoggedReview {
  return { time, rating, durationMs, shift: SHIFT, phaseBefore };
}

/** The ledger of reviews as the log's pages keep them: each review a page of its own study day, as if of its own device. */
const addToLedger = (reviews: readonly LoggedReview[]) => ledgerOf(reviews.map((r) => pageTotals(studyDay(r.time, r.shift), [r])));

describe('reviews per day', () => {
  it('counts a review at 02:00 on the study day before, as the scheduler does', () => {
    const days = reviewsPerDay(addToLedger([review(localTime(0, 2)), review(localTime(0, 9)), review(localTime(1, 23))]), TODAY, 3);
    expect(days.map((d) => d.count)).toEqual([0, 2, 1]);
    expect(days.at(-1)!.day).toBe(TODAY);
  });

  it('keeps each review on the day of the shift it was made with, after a change of time zone', () => {
    // Made at 23:30 in New York (UTC−5): still the 27th there, though it is the 28th in Madrid.
    const newYork = dayShift({ now: 0, utcOffsetMinutes: -300 }, 4);
    const late = { ...review(Date.UTC(2026, 10, 28, 4, 30)), shift: newYork };
    expect(reviewsPerDay(addToLedger([late]), TODAY, 2).map((d) => d.count)).toEqual([1, 0]);
  });

  it('leaves out reviews outside the window and in the future', () => {
    expect(reviewsPerDay(addToLedger([review(localTime(3, 10)), review(localTime(-1, 10))]), TODAY, 3).map((d) => d.count)).toEqual([0, 0, 0]);
  });
});

describe('due forecast', () => {
  const dueIn = (daysAhead: number) => localTime(-daysAhead, 12);
  /** What the store's `due` index counts in each window: queued cards only (suspended and retired have no due time). */
  const countIn = (windows: ReturnType<typeof forecastWindows>, dueTimes: number[]) => windows.map((w) => dueTimes.filter((t) => t >= w.from && t < w.until).length);

  it('counts overdue cards today, and leaves out far cards', () => {
    const counts = countIn(forecastWindows(TODAY, SHIFT, 30), [dueIn(-5), dueIn(0), dueIn(1), dueIn(1), dueIn(40)]);
    expect(counts.slice(0, 3)).toEqual([2, 2, 0]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(counts).toHaveLength(30);
  });

  it('splits days where the scheduler does: at 04:00 local time, by the shift in force', () => {
    const windows = forecastWindows(TODAY, SHIFT, 3);
    expect(windows.map((w) => w.day)).toEqual([TODAY, TODAY + 1, TODAY + 2]);
    for (const w of windows.slice(1)) {
      expect(studyDay(w.from, SHIFT)).toBe(w.day);
      expect(studyDay(w.from - 1, SHIFT)).toBe(w.day - 1);
    }
    expect(countIn(windows, [localTime(-1, 3) + 59 * 60_000, localTime(-1, 4)])).toEqual([1, 1, 0]);
  });
});

describe('true retention', () => {
  it('judges only reviews of cards in the review phase, and counts Again as forgotten', () => {
    const log = [
      review(localTime(0, 10), 3),
      review(localTime(1, 10), 1),
      review(localTime(2, 10), 2),
      review(localTime(3, 10), 4),
      review(localTime(0, 11), 1, 'learning'),
      review(localTime(0, 12), 1, null),
      review(localTime(20, 10), 1),
    ];
    expect(trueRetention(addToLedger(log), TODAY, 7)).toEqual({ passed: 3, total: 4, rate: 0.75 });
    expect(trueRetention(addToLedger(log), TODAY, 30)).toEqual({ passed: 3, total: 5, rate: 0.6 });
  });

  it('has no rate without reviews', () => {
    expect(trueRetention(addToLedger([review(localTime(0, 10), 3, 'learning')]), TODAY, 7)).toEqual({ passed: 0, total: 0, rate: null });
  });
});

/** The store's counts (see ScheduleRepository.counts) of some states: by phase, and the ones out of the queue. */
function countsOf(states: readonly ParkedCard[]): StateCounts {
  const byPhase = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const state of states) byPhase[state.phase]++;
  return { byPhase, parked: states.filter((s) => s.suspended || s.retired) };
}

describe('cards by state', () => {
  it('puts every card in one group; live cards never seen are new', () => {
    const states = [
      { phase: 'review' as const, suspended: false, retired: false },
      { phase: 'review' as const, suspended: true, retired: false },
      { phase: 'relearning' as const, suspended: false, retired: false },
      { phase: 'learning' as const, suspended: false, retired: false },
      { phase: 'new' as const, suspended: false, retired: false },
      { phase: 'review' as const, suspended: false, retired: true },
    ];
    // 10 live cards: 5 have records, so 5 were never seen.
    expect(cardsByState(countsOf(states), 10)).toEqual({ new: 6, learning: 2, review: 1, suspended: 1, retired: 1 });
  });

  it('counts a retired card as retired even when it was also suspended', () => {
    expect(cardsByState(countsOf([{ phase: 'new', suspended: true, retired: true }]), 0)).toEqual({ new: 0, learning: 0, review: 0, suspended: 0, retired: 1 });
  });
});

describe('streak', () => {
  const days = (...counts: number[]) => counts.map((count, i) => ({ day: i, count }));

  it('counts the days in a row ending today', () => {
    expect(currentStreak(days(5, 0, 3, 1, 2))).toBe(3);
  });

  it('is not lost before today’s reviews are done', () => {
    expect(currentStreak(days(1, 1, 1, 0))).toBe(3);
  });

  it('is zero after a missed day', () => {
    expect(currentStreak(days(4, 4, 0, 0))).toBe(0);
  });
});

describe('time spent', () => {
  it('adds review durations today, over 7 and 30 days', () => {
    const log = [
      review(localTime(0, 10), 3, 'review', 60_000),
      review(localTime(6, 10), 3, 'review', 120_000),
      review(localTime(7, 10), 3, 'review', 30_000),
      review(localTime(40, 10), 3, 'review', 5_000),
    ];
    expect(timeSpent(addToLedger(log), TODAY)).toEqual({ todayMs: 60_000, weekMs: 180_000, monthMs: 210_000 });
  });
});

describe('heatmap shades and weekdays', () => {
  it('shades from 0 to 4 against the busiest day', () => {
    expect([0, 1, 25, 26, 50, 51, 75, 76, 100].map((c) => heatLevel(c, 100))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('knows the weekday of a study day', () => {
    expect(weekdayOf(studyDay(NOW, SHIFT))).toBe(5); // 28 Nov 2026 is a Saturday
    expect(weekdayOf(0)).toBe(3); // 1 Jan 1970 was a Thursday
  });
});

describe('a simulated year', () => {
  const now = Date.UTC(2026, 10, 28, 12);
  const year = simulatedHistory({ now });
  const shift = year.log[0]!.shift;
  const today = studyDay(now, shift);
  const windows = forecastWindows(today, shift, 30);
  const stats = computeStats({
    ledger: addToLedger(year.log),
    cards: countsOf(year.states.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: false }))),
    forecast: windows.map((w) => ({ day: w.day, count: year.states.filter((s) => s.queueDue! >= w.from && s.queueDue! < w.until).length })),
    liveCards: 1500,
    today,
  });

  it('accounts for every review and card', () => {
    expect(stats.reviewsInYear).toBe(year.log.length);
    expect(Object.values(stats.cards).reduce((a, b) => a + b, 0)).toBe(1500);
    expect(stats.heatmap).toHaveLength(365);
    expect(stats.forecast).toHaveLength(30);
  });

  it('shows the streak the simulation ends with, and a retention near the desired 90%', () => {
    expect(stats.streak).toBeGreaterThanOrEqual(12);
    expect(stats.streakAtLeast).toBe(false);
    expect(stats.retention.month.rate).toBeGreaterThan(0.8);
    expect(stats.retention.month.rate).toBeLessThan(0.97);
  });

  it('forecasts every schedulable card due within 30 days', () => {
    const horizon = (studyDay(now, shift) + 30) * DAY - shift;
    const expected = year.states.filter((s) => s.queueDue! < horizon).length;
    expect(stats.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(expected);
  });
});

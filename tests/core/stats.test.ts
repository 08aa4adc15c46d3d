import { describe, expect, it } from 'vitest';
import { pageTotals } from '../../src/core/log-pages.ts';
import type { ReviewLogEntry } from '../../src/core/records.ts';
import { DAY, dayShift } from '../../src/core/scheduler.ts';
import { cardsByState, computeStats, currentStreak, dueForecast, heatLevel, ledgerOf, reviewsPerDay, studyDay, timeSpent, trueRetention, weekdayOf } from '../../src/core/stats.ts';
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
  const card = (dueDaysAhead: number, extra: object = {}) => ({ phase: 'review' as const, suspended: false, retired: false, queueDue: localTime(-dueDaysAhead, 12), ...extra });

  it('counts overdue cards today, and leaves out suspended, retired and far cards', () => {
    const forecast = dueForecast(
      [card(-5), card(0), card(1), card(1), card(2, { suspended: true }), card(2, { retired: true }), card(40), { phase: 'review' as const, suspended: true, retired: false }],
      TODAY,
      SHIFT,
      30,
    );
    expect(forecast.slice(0, 3).map((d) => d.count)).toEqual([2, 2, 0]);
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    expect(forecast).toHaveLength(30);
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
    expect(cardsByState(states, 10)).toEqual({ new: 6, learning: 2, review: 1, suspended: 1, retired: 1 });
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
  const stats = computeStats({
    ledger: addToLedger(year.log),
    cards: year.states.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: false, queueDue: s.queueDue! })),
    liveCards: 1500,
    today: studyDay(now, shift),
    shift,
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

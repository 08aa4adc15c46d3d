/**
 * The numbers behind the statistics screen, from the review log and the card states. Pure: the caller passes
 * the records and "today". A study day is the one the scheduler used (see dayShift): each log entry keeps the
 * shift it was made with, so travelling across time zones never moves a past review to another day.
 */
import { DAY, type Phase } from './scheduler.ts';
import type { PageTotals } from './log-pages.ts';

/** A card state out of the queue (suspended or retired): the fields the statistics read of it. */
export interface ParkedCard {
  phase: Phase;
  suspended: boolean;
  retired: boolean;
}

/**
 * The card states as the store counts them from its indexes, never by reading every record: the records by phase
 * (suspended and retired ones included), and the few records out of the queue.
 */
export interface StateCounts {
  byPhase: Readonly<Record<Phase, number>>;
  parked: readonly ParkedCard[];
}

/** One study day of the forecast, as a range of `queueDue` times: [from, until). */
export interface ForecastWindow {
  day: number;
  from: number;
  until: number;
}

/** Day number of a moment: days since the epoch in the user's study days. */
export const studyDay = (time: number, shift: number): number => Math.floor((time + shift) / DAY);

export interface DayCount {
  day: number;
  count: number;
}

/** What the statistics need of one study day's reviews. */
export interface DayTotals {
  reviews: number;
  /** Reviews of cards in the review phase: the ones true retention judges. */
  judged: number;
  /** Of those, the ones not rated Again. */
  passed: number;
  durationMs: number;
}

/** Totals by study day, all devices together. */
export type Ledger = Map<number, DayTotals>;

/** The ledger of the log's pages, from their totals (see core/log-pages PageTotals): one page per device and day. */
export function ledgerOf(pages: Iterable<PageTotals>): Ledger {
  const ledger: Ledger = new Map();
  for (const [day, reviews, judged, passed, durationMs] of pages) {
    const totals = ledger.get(day);
    if (!totals) ledger.set(day, { reviews, judged, passed, durationMs });
    else {
      totals.reviews += reviews;
      totals.judged += judged;
      totals.passed += passed;
      totals.durationMs += durationMs;
    }
  }
  return ledger;
}

/** Reviews on each of the `days` study days ending with `today`, oldest first (days without reviews count 0). */
export function reviewsPerDay(ledger: Ledger, today: number, days: number): DayCount[] {
  return Array.from({ length: days }, (_, i) => {
    const day = today - days + 1 + i;
    return { day, count: ledger.get(day)?.reviews ?? 0 };
  });
}

/** Sums a field of the ledger over the `days` study days ending with `today`. */
function sumDays(ledger: Ledger, today: number, days: number, field: keyof DayTotals): number {
  let sum = 0;
  for (let day = today - days + 1; day <= today; day++) sum += ledger.get(day)?.[field] ?? 0;
  return sum;
}

/** The sum of a run of days and its busiest day (the first, when none has any). */
export function dayRunSummary(days: readonly DayCount[]): { total: number; busiest: DayCount } {
  let total = 0;
  let busiest = days[0] ?? { day: 0, count: 0 };
  for (const day of days) {
    total += day.count;
    if (day.count > busiest.count) busiest = day;
  }
  return { total, busiest };
}

/**
 * The study days of the forecast as ranges of due times, starting today. Overdue cards count today, as they are
 * shown today, so today's range is open below. Only cards in the queue have a due time: suspended and retired cards
 * are not shown, so they are not counted.
 */
export function forecastWindows(today: number, shift: number, days: number): ForecastWindow[] {
  const start = (day: number) => day * DAY - shift;
  return Array.from({ length: days }, (_, i) => ({ day: today + i, from: i === 0 ? -Infinity : start(today + i), until: start(today + i + 1) }));
}

export interface Retention {
  passed: number;
  total: number;
  /** passed / total, or null when there was no review to judge. */
  rate: number | null;
}

/**
 * True retention as Anki reports it: of the reviews of cards in the review phase (not new, not learning), the
 * share not rated Again, over the `days` study days ending with `today`.
 */
export function trueRetention(ledger: Ledger, today: number, days: number): Retention {
  const total = sumDays(ledger, today, days, 'judged');
  const passed = sumDays(ledger, today, days, 'passed');
  return { passed, total, rate: total === 0 ? null : passed / total };
}

export interface CardsByState {
  new: number;
  learning: number;
  review: number;
  suspended: number;
  retired: number;
}

/**
 * Every card of the collection in exactly one group. `liveCards` counts the cards in the notes (retired ones
 * excluded); a live card with no state record was never seen, so it is new.
 */
export function cardsByState({ byPhase, parked }: StateCounts, liveCards: number): CardsByState {
  const inQueue = { ...byPhase };
  const groups: CardsByState = { new: 0, learning: 0, review: 0, suspended: 0, retired: 0 };
  for (const card of parked) {
    inQueue[card.phase]--;
    if (card.retired) groups.retired++;
    else groups.suspended++;
  }
  groups.new = inQueue.new;
  groups.learning = inQueue.learning + inQueue.relearning;
  groups.review = inQueue.review;
  const liveTracked = Object.values(byPhase).reduce((sum, n) => sum + n, 0) - groups.retired;
  groups.new += Math.max(0, liveCards - liveTracked);
  return groups;
}

/**
 * Study days in a row with at least one review, ending today — or yesterday, so a streak is not lost before
 * today's reviews are done. `perDay` is reviewsPerDay() output ending today.
 */
export function currentStreak(perDay: readonly DayCount[]): number {
  let end = perDay.length - 1;
  if (end >= 0 && perDay[end]!.count === 0) end--;
  let streak = 0;
  for (let i = end; i >= 0 && perDay[i]!.count > 0; i--) streak++;
  return streak;
}

export interface TimeSpent {
  todayMs: number;
  weekMs: number;
  monthMs: number;
}

export function timeSpent(ledger: Ledger, today: number): TimeSpent {
  return { todayMs: sumDays(ledger, today, 1, 'durationMs'), weekMs: sumDays(ledger, today, 7, 'durationMs'), monthMs: sumDays(ledger, today, 30, 'durationMs') };
}

/**
 * Shade of a heatmap cell, 0 (no reviews) to 4. Steps follow the busiest day, so a light week still shows
 * its shape.
 */
export function heatLevel(count: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || busiest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / busiest) * 4))) as 1 | 2 | 3 | 4;
}

/** Weekday of a study day, Monday 0 … Sunday 6 (the epoch, day 0, was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** Epoch ms at UTC noon of a study day: a date to format in the UI with timeZone UTC, whatever the offset. */
export const dayDate = (day: number): number => day * DAY + DAY / 2;

export interface StatsInput {
  ledger: Ledger;
  cards: StateCounts;
  /** Cards due on each study day of forecastWindows(today, shift, FORECAST_DAYS). */
  forecast: DayCount[];
  liveCards: number;
  /** The current study day. */
  today: number;
}

export interface Stats {
  heatmap: DayCount[];
  forecast: DayCount[];
  retention: { week: Retention; month: Retention };
  cards: CardsByState;
  streak: number;
  /** True when the streak reaches back to the start of the log read: it may be longer. */
  streakAtLeast: boolean;
  time: TimeSpent;
  reviewsInYear: number;
}

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;

export function computeStats(input: StatsInput): Stats {
  const heatmap = reviewsPerDay(input.ledger, input.today, HEATMAP_DAYS);
  const streak = currentStreak(heatmap);
  return {
    heatmap,
    forecast: input.forecast,
    retention: { week: trueRetention(input.ledger, input.today, 7), month: trueRetention(input.ledger, input.today, 30) },
    cards: cardsByState(input.cards, input.liveCards),
    streak,
    streakAtLeast: streak >= HEATMAP_DAYS - 1,
    time: timeSpent(input.ledger, input.today),
    reviewsInYear: dayRunSummary(heatmap).total,
  };
}

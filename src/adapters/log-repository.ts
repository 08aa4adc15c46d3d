/** Reading the review log's pages: a day's reviews, day totals, a card's history, the streak. */
import type { PageTotals } from '../core/log-pages.ts';
import type { ReviewLogRecord } from './db-schema.ts';
import { eventsBetween } from './log-store.ts';
import type { Connection } from './store.ts';
import { guarded } from './store-error.ts';

export class LogRepository {
  constructor(private readonly connection: Connection) {}

  private pages() {
    return this.connection.db.transaction('logPages').store;
  }

  since(time: number): Promise<ReviewLogRecord[]> {
    return guarded(() => eventsBetween(this.pages(), time, Infinity));
  }

  /**
   * Reviews logged in [from, to): one study day's. Never "since": reviews a clock running ahead dated in the future
   * would otherwise count as today's on every day until then.
   */
  between(from: number, to: number): Promise<ReviewLogRecord[]> {
    return guarded(() => eventsBetween(this.pages(), from, to));
  }

  /** The totals of every page of study day `day` and after, each device's apart (see core/log-pages PageTotals). */
  dayTotalsFrom(day: number): Promise<PageTotals[]> {
    return guarded(async () => (await import('./log-history.ts')).totalsFrom(this.pages(), day));
  }

  /** A card's history, in replay order. */
  ofCard(cardId: string): Promise<ReviewLogRecord[]> {
    // The card browser's and the tests' question, never the review's: its code loads with its first call.
    return guarded(async () => (await import('./log-history.ts')).cardHistory(this.pages(), cardId));
  }

  /**
   * Study days in a row with at least one log event, ending with study day `today` — or with the day before, while
   * today has none yet. Keys of the day index only; no event is read.
   */
  async streak(today: number): Promise<number> {
    return (await import('./log-history.ts')).reviewStreak(this.connection, today);
  }

  /** Time of the oldest review in the log, or null when there is none. */
  firstReviewAt(): Promise<number | null> {
    return guarded(async () => (await import('./log-history.ts')).firstEventTime(this.pages()));
  }
}

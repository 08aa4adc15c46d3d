/**
 * Gathers what the statistics screen draws. The review log is folded into day totals; the totals of settled days
 * are kept as a setting, so later visits read only the reviews logged since (see LedgerCache).
 */
import type { ReviewLogRecord } from '../adapters/db-schema.ts';
import { allStates } from '../adapters/store-backup.ts';
import { STATS_CACHE_SETTING } from '../adapters/store.ts';
import { isReview } from '../core/records.ts';
import { DAY } from '../core/scheduler.ts';
import { addToLedger, computeStats, HEATMAP_DAYS, ledgerCache, readLedgerCache, settledEvents, studyDay, type LoggedReview, type Stats } from '../core/stats.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export interface StatsView extends Stats {
  today: number;
  desiredRetention: number;
}

// Only reviews count: a "Forget" entry is in the history, but it is not a review of the day.
const logged = (entries: ReviewLogRecord[]): LoggedReview[] => entries.filter(isReview).map((r) => ({ time: r.time, rating: r.rating, durationMs: r.durationMs, shift: r.shift, phaseBefore: r.phaseBefore }));

export async function loadStats(context: StudyContext): Promise<StatsView> {
  const { store } = context;
  const window = dayWindow(context);
  const today = studyDay(window.now, window.shift);
  const cached = readLedgerCache(await store.getSetting(STATS_CACHE_SETTING));
  // One day of margin: entries made under another time zone's shift may belong to the first day of the window.
  const since = (today - HEATMAP_DAYS) * DAY - window.shift - DAY;
  const [reviews, states, decks] = await Promise.all([
    cached ? store.reviewsAfter(cached.watermark) : store.reviewsSince(since),
    allStates(store),
    store.listDecks(),
  ]);
  // Without a cache, the events before `since` count as seen: the watermark starts at what was read.
  const { settled, recent, watermark } = settledEvents(reviews, window.dayStart, cached?.watermark ?? {});
  const ledger = addToLedger(logged(settled), cached?.ledger);
  if (settled.length > 0) await store.putSetting(STATS_CACHE_SETTING, ledgerCache(ledger, watermark, today - HEATMAP_DAYS));
  // The cache is written: today's reviews can join the same ledger without being kept.
  const stats = computeStats({
    ledger: addToLedger(logged(recent), ledger),
    cards: states.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: s.retired === true, ...(s.queueDue !== undefined ? { queueDue: s.queueDue } : {}) })),
    liveCards: decks.reduce((sum, d) => sum + d.cardCount, 0),
    today,
    shift: window.shift,
  });
  return { ...stats, today, desiredRetention: context.scheduler.settings.desiredRetention };
}

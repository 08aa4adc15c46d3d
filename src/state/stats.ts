/**
 * Gathers what the statistics screen draws: the day totals of a year of the review log (kept with its pages, see
 * core/log-pages PageTotals), the card states and the decks.
 */
import { allStates } from '../adapters/store-backup.ts';
import { computeStats, HEATMAP_DAYS, ledgerOf, studyDay, type Stats } from '../core/stats.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export interface StatsView extends Stats {
  today: number;
  desiredRetention: number;
}

export async function loadStats(context: StudyContext): Promise<StatsView> {
  const { store } = context;
  const window = dayWindow(context);
  const today = studyDay(window.now, window.shift);
  const [totals, states, decks] = await Promise.all([store.log.dayTotalsFrom(today - HEATMAP_DAYS), allStates(store), store.decks.list()]);
  const stats = computeStats({
    ledger: ledgerOf(totals),
    cards: states.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: s.retired === true, ...(s.queueDue !== undefined ? { queueDue: s.queueDue } : {}) })),
    liveCards: decks.reduce((sum, d) => sum + d.cardCount, 0),
    today,
    shift: window.shift,
  });
  return { ...stats, today, desiredRetention: context.scheduler.settings.desiredRetention };
}

/**
 * Gathers what the statistics screen draws: the day totals of a year of the review log (kept with its pages, see
 * core/log-pages PageTotals), the card states as counted by the store's indexes, and the decks.
 */
import { computeStats, FORECAST_DAYS, forecastWindows, HEATMAP_DAYS, ledgerOf, studyDay, type Stats } from '../core/stats.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export interface StatsView extends Stats {
  today: number;
  desiredRetention: number;
}

export async function loadStats(context: StudyContext): Promise<StatsView> {
  const { store } = context;
  const window = dayWindow(context);
  const today = studyDay(window.now, window.shift);
  const windows = forecastWindows(today, window.shift, FORECAST_DAYS);
  const [totals, counts, decks] = await Promise.all([store.log.dayTotalsFrom(today - HEATMAP_DAYS), store.schedule.counts(windows), store.decks.list()]);
  const stats = computeStats({
    ledger: ledgerOf(totals),
    cards: counts.states,
    forecast: windows.map(({ day }, i) => ({ day, count: counts.due[i]! })),
    liveCards: decks.reduce((sum, d) => sum + d.cardCount, 0),
    today,
  });
  return { ...stats, today, desiredRetention: context.scheduler.settings.desiredRetention };
}

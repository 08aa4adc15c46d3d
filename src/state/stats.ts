/** Gathers what the statistics screen draws: the last year of the log and every card state, through core/stats. */
import { allStates } from '../adapters/store-backup.ts';
import { computeStats, HEATMAP_DAYS, studyDay, type Stats } from '../core/stats.ts';
import { DAY } from '../core/scheduler.ts';
import { dayWindow, type StudyContext } from './study-context.ts';

export interface StatsView extends Stats {
  today: number;
  desiredRetention: number;
}

export async function loadStats(context: StudyContext): Promise<StatsView> {
  const { store } = context;
  const window = dayWindow(context);
  const today = studyDay(window.now, window.shift);
  // One day of margin: entries made under another time zone's shift may belong to the first day of the window.
  const since = (today - HEATMAP_DAYS) * DAY - window.shift - DAY;
  const [log, states, decks] = await Promise.all([store.reviewsSince(since), allStates(store), store.listDecks()]);
  const stats = computeStats({
    log: log.map((r) => ({ time: r.time, rating: r.rating, durationMs: r.durationMs, shift: r.shift, phaseBefore: r.before?.fsrs.phase ?? null })),
    cards: states.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: s.retired === true, ...(s.queueDue !== undefined ? { queueDue: s.queueDue } : {}) })),
    liveCards: decks.reduce((sum, d) => sum + d.cardCount, 0),
    today,
    shift: window.shift,
  });
  return { ...stats, today, desiredRetention: context.scheduler.settings.desiredRetention };
}

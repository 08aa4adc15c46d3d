/** What every screen that schedules needs: the store, the clock, the scheduler and the limits, read once. */
import { silentChannel, type ChangeChannel } from '../adapters/change-channel.ts';
import type { Clock } from '../adapters/clock.ts';
import type { ReviewLogRecord } from '../adapters/db-schema.ts';
import type { Store } from '../adapters/store.ts';
import type { SettingKey } from '../core/settings-schema.ts';
import { isReview } from '../core/records.ts';
import { DEFAULT_LIMITS, doneToday, type DoneToday, type Limits } from '../core/queue.ts';
import { isExtraNewToday, type ExtraNewToday } from '../core/value-checks.ts';
import { isLanguageChoice, isThemeChoice, LANGUAGE_SETTING, THEME_SETTING, type LanguageChoice, type ThemeChoice } from './preferences.ts';
import { createScheduler, DAY, dayShift, DEFAULT_SCHEDULER_SETTINGS, startOfStudyDay, validateSettings, type Scheduler } from '../core/scheduler.ts';

export interface StudyContext {
  store: Store;
  clock: Clock;
  /** Tells the other windows what this one changed. */
  changes: ChangeChannel;
  scheduler: Scheduler;
  limits: Limits;
  /** Each deck's own limits, as saved (a missing field uses the general limit). */
  deckLimits: Readonly<Record<string, Partial<Limits>>>;
  limitsFor(deckId: string): Limits;
  /** New cards added to today's limits by "Learn more today" (see limitsToday). */
  extraNew: ExtraNewToday | null;
  theme: ThemeChoice;
  language: LanguageChoice;
}

export async function loadStudyContext(store: Store, clock: Clock, changes: ChangeChannel = silentChannel): Promise<StudyContext> {
  const saved = await store.settings.getMany(['scheduler', 'limits', 'deckLimits', EXTRA_NEW_SETTING, THEME_SETTING, LANGUAGE_SETTING]);
  const merged = { ...DEFAULT_SCHEDULER_SETTINGS, ...saved.scheduler };
  // A damaged setting must not stop reviews: fall back to the defaults.
  const settings = validateSettings(merged).length === 0 ? merged : DEFAULT_SCHEDULER_SETTINGS;
  const limits = { ...DEFAULT_LIMITS, ...saved.limits };
  const deckLimits = saved.deckLimits ?? {};
  return {
    store,
    clock,
    changes,
    scheduler: createScheduler(settings),
    limits,
    deckLimits,
    limitsFor: (deckId) => ({ ...limits, ...deckLimits[deckId] }),
    extraNew: isExtraNewToday(saved[EXTRA_NEW_SETTING]) ? saved[EXTRA_NEW_SETTING] : null,
    theme: isThemeChoice(saved[THEME_SETTING]) ? saved[THEME_SETTING] : 'system',
    language: isLanguageChoice(saved[LANGUAGE_SETTING]) ? saved[LANGUAGE_SETTING] : 'auto',
  };
}

export const EXTRA_NEW_SETTING = 'extraNewToday' satisfies SettingKey;

/**
 * The limits of one study day: the saved ones, plus the new cards "Learn more today" added for that day — to the
 * overall limit and to every deck's, so the extra cards can come from whichever deck is studied.
 */
export function limitsToday(context: Pick<StudyContext, 'limits' | 'limitsFor' | 'extraNew'>, dayStart: number): Pick<StudyContext, 'limits' | 'limitsFor'> {
  const extra = context.extraNew?.dayStart === dayStart ? context.extraNew.count : 0;
  if (extra === 0) return { limits: context.limits, limitsFor: context.limitsFor };
  const more = (limits: Limits): Limits => ({ ...limits, newPerDay: limits.newPerDay + extra });
  return { limits: more(context.limits), limitsFor: (deckId) => more(context.limitsFor(deckId)) };
}

/** What a day's reviews did per deck (new cards introduced, review cards answered): what the limits count. */
export function doneInLog(log: readonly ReviewLogRecord[]): Map<string, DoneToday> {
  return doneToday(log.filter(isReview).map((r) => ({ deckId: r.deckId, beforePhase: r.phaseBefore })));
}

export interface DayWindow {
  now: number;
  dayStart: number;
  dayEnd: number;
  shift: number;
}

export function dayWindow(context: Pick<StudyContext, 'clock' | 'scheduler'>): DayWindow {
  const now = context.clock.now();
  const clock = { now, utcOffsetMinutes: context.clock.utcOffsetMinutes(now) };
  const hour = context.scheduler.settings.dayStartHour;
  const dayStart = startOfStudyDay(clock, hour);
  return { now, dayStart, dayEnd: dayStart + DAY, shift: dayShift(clock, hour) };
}

/** What every screen that schedules needs: the store, the clock, the scheduler and the limits, read once. */
import { silentChannel, type ChangeChannel } from '../adapters/change-channel.ts';
import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/store.ts';
import { DEFAULT_LIMITS, type Limits } from '../core/queue.ts';
import { isLanguageChoice, isThemeChoice, LANGUAGE_SETTING, THEME_SETTING, type LanguageChoice, type ThemeChoice } from './preferences.ts';
import {
  createScheduler,
  DAY,
  dayShift,
  DEFAULT_SCHEDULER_SETTINGS,
  startOfStudyDay,
  validateSettings,
  type Scheduler,
  type SchedulerSettings,
} from '../core/scheduler.ts';

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
  theme: ThemeChoice;
  language: LanguageChoice;
}

export async function loadStudyContext(store: Store, clock: Clock, changes: ChangeChannel = silentChannel): Promise<StudyContext> {
  const saved = await store.getSettings(['scheduler', 'limits', 'deckLimits', THEME_SETTING, LANGUAGE_SETTING]);
  const merged = { ...DEFAULT_SCHEDULER_SETTINGS, ...(saved.get('scheduler') as Partial<SchedulerSettings> | undefined) };
  // A damaged setting must not stop reviews: fall back to the defaults.
  const settings = validateSettings(merged).length === 0 ? merged : DEFAULT_SCHEDULER_SETTINGS;
  const limits = { ...DEFAULT_LIMITS, ...(saved.get('limits') as Partial<Limits> | undefined) };
  const deckLimits = (saved.get('deckLimits') as Record<string, Partial<Limits>> | undefined) ?? {};
  return {
    store,
    clock,
    changes,
    scheduler: createScheduler(settings),
    limits,
    deckLimits,
    limitsFor: (deckId) => ({ ...limits, ...deckLimits[deckId] }),
    theme: isThemeChoice(saved.get(THEME_SETTING)) ? (saved.get(THEME_SETTING) as ThemeChoice) : 'system',
    language: isLanguageChoice(saved.get(LANGUAGE_SETTING)) ? (saved.get(LANGUAGE_SETTING) as LanguageChoice) : 'auto',
  };
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

/** What every screen that schedules needs: the store, the clock, the scheduler and the limits, read once. */
import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/store.ts';
import { DEFAULT_LIMITS, type Limits } from '../core/queue.ts';
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
  scheduler: Scheduler;
  limits: Limits;
  limitsFor(deckId: string): Limits;
}

export async function loadStudyContext(store: Store, clock: Clock): Promise<StudyContext> {
  const saved = await store.getSetting<Partial<SchedulerSettings>>('scheduler');
  const merged = { ...DEFAULT_SCHEDULER_SETTINGS, ...saved };
  // A damaged setting must not stop reviews: fall back to the defaults.
  const settings = validateSettings(merged).length === 0 ? merged : DEFAULT_SCHEDULER_SETTINGS;
  const limits = { ...DEFAULT_LIMITS, ...(await store.getSetting<Partial<Limits>>('limits')) };
  const deckLimits = (await store.getSetting<Record<string, Partial<Limits>>>('deckLimits')) ?? {};
  return {
    store,
    clock,
    scheduler: createScheduler(settings),
    limits,
    limitsFor: (deckId) => ({ ...limits, ...deckLimits[deckId] }),
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

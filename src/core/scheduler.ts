/**
 * FSRS scheduling. The only importer of ts-fsrs: the rest of Repaso speaks in these types, with times as epoch
 * milliseconds passed in by the caller.
 */
import { createEmptyCard, fsrs, State, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
/**
 * The rating of a log entry that is not a review: the user chose "Forget" and the card began again as new (Anki's
 * revlog writes such manual entries with ease 0). Kept so the history stays whole and replays to the stored state.
 */
export const FORGET = 0;
export type LogRating = Rating | typeof FORGET;
export type Phase = 'new' | 'learning' | 'review' | 'relearning';

/** What FSRS knows about a card after its reviews. Dates are epoch milliseconds. */
export interface CardState {
  phase: Phase;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumInterval: number;
  learningSteps: string[];
  relearningSteps: string[];
  fuzz: boolean;
  /** Local hour at which a new study day begins (Anki: 4). */
  dayStartHour: number;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumInterval: 36_500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  dayStartHour: 4,
};

/**
 * Where "now" is in the user's day. ts-fsrs counts days from UTC midnight; shifting every time it sees by
 * (UTC offset − day start hour) makes its midnight fall on the user's local day start.
 */
export interface DayClock {
  now: number;
  /** Minutes east of UTC at `now` (UTC+2 → 120). */
  utcOffsetMinutes: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function dayShift(clock: DayClock, dayStartHour: number): number {
  return clock.utcOffsetMinutes * MINUTE - dayStartHour * HOUR;
}

/** Epoch ms at which the study day containing `clock.now` began. */
export function startOfStudyDay(clock: DayClock, dayStartHour: number): number {
  const shift = dayShift(clock, dayStartHour);
  return Math.floor((clock.now + shift) / DAY) * DAY - shift;
}

const PHASE_FROM_FSRS: Record<State, Phase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const PHASE_TO_FSRS: Record<Phase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

export interface Scheduler {
  readonly settings: SchedulerSettings;
  /** The state after rating. `state` null is a card never reviewed. `shift` comes from dayShift(). */
  next(state: CardState | null, rating: Rating, now: number, shift: number): CardState;
  /** The state each rating would give, for the buttons' intervals. */
  preview(state: CardState | null, now: number, shift: number): Record<Rating, CardState>;
  /** How likely the card is recalled at `now`, by FSRS's forgetting curve; null for a card never reviewed. */
  retrievability(state: CardState | null, now: number): number | null;
}

export function validateSettings(settings: SchedulerSettings): string[] {
  const problems: string[] = [];
  if (!(settings.desiredRetention >= 0.7 && settings.desiredRetention <= 0.99)) problems.push('desired retention must be between 0.70 and 0.99');
  if (!(Number.isInteger(settings.maximumInterval) && settings.maximumInterval >= 1 && settings.maximumInterval <= 36_500)) {
    problems.push('maximum interval must be a whole number of days from 1 to 36500');
  }
  for (const step of [...settings.learningSteps, ...settings.relearningSteps]) {
    if (!/^\d+(\.\d+)?[mhd]$/.test(step) || parseFloat(step) <= 0) problems.push(`"${step}" is not a step like 1m, 10m, 1h or 1d`);
  }
  if (!(Number.isInteger(settings.dayStartHour) && settings.dayStartHour >= 0 && settings.dayStartHour <= 23)) {
    problems.push('the day must start at an hour from 0 to 23');
  }
  return problems;
}

export function createScheduler(settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS): Scheduler {
  const problems = validateSettings(settings);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const engine: FSRS = fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: settings.fuzz,
    enable_short_term: true,
    learning_steps: settings.learningSteps as StepUnit[],
    relearning_steps: settings.relearningSteps as StepUnit[],
  });

  // A clock that moved backwards must not crash ts-fsrs ("Invalid delta_t"): review no earlier than the last one.
  const reviewTime = (state: CardState | null, now: number) => Math.max(now, state?.lastReview ?? now);

  return {
    settings,
    next(state, rating, now, shift) {
      const at = reviewTime(state, now);
      const card = toFsrs(state, at, shift);
      return fromFsrs(engine.next(card, new Date(at + shift), rating as Grade).card, shift);
    },
    preview(state, now, shift) {
      const at = reviewTime(state, now);
      const outcomes = engine.repeat(toFsrs(state, at, shift), new Date(at + shift));
      return {
        1: fromFsrs(outcomes[1].card, shift),
        2: fromFsrs(outcomes[2].card, shift),
        3: fromFsrs(outcomes[3].card, shift),
        4: fromFsrs(outcomes[4].card, shift),
      };
    },
    retrievability(state, now) {
      if (!state || state.lastReview === null || !(state.stability > 0)) return null;
      return engine.forgetting_curve(Math.max(0, now - state.lastReview) / DAY, state.stability);
    },
  };
}

function toFsrs(state: CardState | null, now: number, shift: number): Card {
  if (!state) return createEmptyCard(new Date(now + shift));
  return {
    due: new Date(state.due + shift),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: PHASE_TO_FSRS[state.phase],
    ...(state.lastReview !== null ? { last_review: new Date(state.lastReview + shift) } : {}),
  };
}

function fromFsrs(card: Card, shift: number): CardState {
  return {
    phase: PHASE_FROM_FSRS[card.state],
    due: card.due.getTime() - shift,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() - shift : null,
  };
}

/** The state of a card that was never reviewed, for cards suspended or buried before their first review. */
export function unseenState(now: number): CardState {
  return { phase: 'new', due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
}

/** Rebuilds a card's state from its review log; equals the stored state when nothing was lost. */
export function replay(scheduler: Scheduler, reviews: readonly { rating: LogRating; time: number; shift: number; practice?: true }[]): CardState | null {
  let state: CardState | null = null;
  for (const review of reviews) {
    // Practice answers never moved the schedule.
    if (review.practice) continue;
    state = review.rating === FORGET ? unseenState(review.time) : scheduler.next(state, review.rating, review.time, review.shift);
  }
  return state;
}

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/**
 * The interval a rating button shows, as a number and a unit for Intl to write: 1 minute, 10 minutes, 3 hours,
 * 3 days, 2 months, 1.5 years (one decimal below ten).
 */
export function intervalParts(ms: number): { value: number; unit: IntervalUnit } {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return { value: hours, unit: 'hour' };
  const days = Math.round(ms / DAY);
  if (days < 30) return { value: days, unit: 'day' };
  const round = (n: number) => (n < 10 ? Math.round(n * 10) / 10 : Math.round(n));
  if (days < 365) return { value: round(days / 30.4), unit: 'month' };
  return { value: round(days / 365), unit: 'year' };
}

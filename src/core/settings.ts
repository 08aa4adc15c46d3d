/**
 * The study settings as the user types them, checked field by field. Pure: the settings screen shows each
 * problem next to its field, in the user's language, from the codes returned here.
 */
import type { Limits } from './queue.ts';
import type { SchedulerSettings } from './scheduler.ts';
import { MAX_DAILY_LIMIT } from './value-checks.ts';

export { MAX_DAILY_LIMIT };

export interface StudySettingsForm {
  desiredRetention: string;
  maximumInterval: string;
  learningSteps: string;
  relearningSteps: string;
  newPerDay: string;
  reviewsPerDay: string;
  dayStartHour: string;
  fuzz: boolean;
}

export type SettingsField = Exclude<keyof StudySettingsForm, 'fuzz'>;
export type SettingsProblem = 'retention' | 'interval' | 'steps' | 'limit' | 'hour';

export type ParsedSettings = { ok: true; scheduler: SchedulerSettings; limits: Limits } | { ok: false; problems: Partial<Record<SettingsField, SettingsProblem>> };

export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;
/** Above this, Anki's FSRS guide warns that the workload grows steeply for little gain. */
export const HIGH_RETENTION = 0.95;
export const MAX_INTERVAL_DAYS = 36_500;

const STEP = /^\d+(\.\d+)?[mhd]$/;

/** "1m 10m", "1m, 10m" → ['1m', '10m']; null when a step is not a number with m, h or d. */
export function parseSteps(text: string): string[] | null {
  const steps = text.split(/[\s,]+/).filter(Boolean);
  return steps.every((step) => STEP.test(step) && parseFloat(step) > 0) ? steps : null;
}

/** A whole number from `min` to `max` written in digits, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** Retention as 0.9 or as a percentage, 90 or 90%. */
export function parseRetention(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  const percent = trimmed.endsWith('%') || Number(trimmed.replace('%', '')) > 1;
  const value = Number(trimmed.replace('%', '')) / (percent ? 100 : 1);
  if (!Number.isFinite(value) || trimmed === '') return null;
  const rounded = Math.round(value * 1000) / 1000;
  return rounded >= RETENTION_RANGE.min && rounded <= RETENTION_RANGE.max ? rounded : null;
}

export function parseStudySettings(form: StudySettingsForm): ParsedSettings {
  const problems: Partial<Record<SettingsField, SettingsProblem>> = {};
  const desiredRetention = parseRetention(form.desiredRetention);
  if (desiredRetention === null) problems.desiredRetention = 'retention';
  const maximumInterval = wholeNumber(form.maximumInterval, 1, MAX_INTERVAL_DAYS);
  if (maximumInterval === null) problems.maximumInterval = 'interval';
  const learningSteps = parseSteps(form.learningSteps);
  if (learningSteps === null) problems.learningSteps = 'steps';
  const relearningSteps = parseSteps(form.relearningSteps);
  if (relearningSteps === null) problems.relearningSteps = 'steps';
  const newPerDay = wholeNumber(form.newPerDay, 0, MAX_DAILY_LIMIT);
  if (newPerDay === null) problems.newPerDay = 'limit';
  const reviewsPerDay = wholeNumber(form.reviewsPerDay, 0, MAX_DAILY_LIMIT);
  if (reviewsPerDay === null) problems.reviewsPerDay = 'limit';
  const dayStartHour = wholeNumber(form.dayStartHour, 0, 23);
  if (dayStartHour === null) problems.dayStartHour = 'hour';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    scheduler: {
      desiredRetention: desiredRetention!,
      maximumInterval: maximumInterval!,
      learningSteps: learningSteps!,
      relearningSteps: relearningSteps!,
      fuzz: form.fuzz,
      dayStartHour: dayStartHour!,
    },
    limits: { newPerDay: newPerDay!, reviewsPerDay: reviewsPerDay! },
  };
}

export function toForm(scheduler: SchedulerSettings, limits: Limits): StudySettingsForm {
  return {
    desiredRetention: String(scheduler.desiredRetention),
    maximumInterval: String(scheduler.maximumInterval),
    learningSteps: scheduler.learningSteps.join(' '),
    relearningSteps: scheduler.relearningSteps.join(' '),
    newPerDay: String(limits.newPerDay),
    reviewsPerDay: String(limits.reviewsPerDay),
    dayStartHour: String(scheduler.dayStartHour),
    fuzz: scheduler.fuzz,
  };
}

/** A deck's own limit as typed: empty means "use the general one". */
export function parseDeckLimit(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return wholeNumber(text, 0, MAX_DAILY_LIMIT) ?? 'invalid';
}

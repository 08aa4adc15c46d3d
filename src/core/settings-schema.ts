/**
 * Every setting Repaso stores, by key, with the check a value must pass to be used — a setting read back from the
 * database, or restored from a backup file (where anything else is refused).
 */
import type { Limits } from './queue.ts';
import { DEFAULT_SCHEDULER_SETTINGS, validateSettings, type SchedulerSettings } from './scheduler.ts';
import { isDailyLimit, isExtraNewToday, isPlainObject, isTime, type ExtraNewToday } from './value-checks.ts';
import { isLanguageChoice, isThemeChoice, type LanguageChoice, type ThemeChoice } from './preferences.ts';
import { isHiddenSectionList, type HiddenSection } from './hidden-sections.ts';

export interface SettingValues {
  /** The scheduler's settings the user changed (the rest are the defaults). */
  scheduler: Partial<SchedulerSettings>;
  limits: Partial<Limits>;
  /** Each deck's own limits (a missing field uses the general limit). */
  deckLimits: Record<string, Partial<Limits>>;
  theme: ThemeChoice;
  language: LanguageChoice;
  /** When the user last saved a backup (epoch ms). */
  lastBackupAt: number;
  /** Until when the user asked not to be reminded of backups (epoch ms). */
  backupSnoozedUntil: number;
  /** Whether the browser was already asked to keep Repaso's storage. */
  persistenceAsked: boolean;
  /** Sections whose cards the user chose never to see ("Never show cards from this section"). */
  hiddenSections: HiddenSection[];
  /** "Learn more new cards today": extra new cards for the study day that starts at `dayStart`. */
  extraNewToday: ExtraNewToday;
  /** Decks that come with the app which the user removed: never loaded again. */
  removedBundledDecks: string[];
  /** Folders of the deck tree the user folded (DeckNode keys), on the decks screen. */
  collapsedDecks: string[];
}

export type SettingKey = keyof SettingValues;

const isStringList = (value: unknown) => Array.isArray(value) && value.length <= 100_000 && value.every((item) => typeof item === 'string' && item.length <= 2000);

function isLimits(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return Object.entries(value).every(([field, limit]) => (field === 'newPerDay' || field === 'reviewsPerDay') && isDailyLimit(limit));
}

function isSchedulerSettings(value: unknown): boolean {
  if (!isPlainObject(value) || !Object.keys(value).every((field) => field in DEFAULT_SCHEDULER_SETTINGS)) return false;
  const merged = { ...DEFAULT_SCHEDULER_SETTINGS, ...value } as SchedulerSettings;
  const types = Array.isArray(merged.learningSteps) && Array.isArray(merged.relearningSteps) && typeof merged.fuzz === 'boolean';
  return types && validateSettings(merged).length === 0;
}

export const SETTING_CHECKS: { readonly [K in SettingKey]: (value: unknown) => boolean } = {
  scheduler: isSchedulerSettings,
  limits: isLimits,
  deckLimits: (value) => isPlainObject(value) && Object.values(value).every(isLimits),
  theme: isThemeChoice,
  language: isLanguageChoice,
  lastBackupAt: isTime,
  backupSnoozedUntil: isTime,
  persistenceAsked: (value) => typeof value === 'boolean',
  hiddenSections: isHiddenSectionList,
  extraNewToday: isExtraNewToday,
  removedBundledDecks: isStringList,
  collapsedDecks: isStringList,
};

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_CHECKS, key);
}

export { isTime, MAX_TIME, type ExtraNewToday } from './value-checks.ts';

/**
 * The checks of stored values that the review path needs, apart from the full settings schema (settings-schema.ts)
 * so the first card does not load every other setting's check and the modules behind them.
 */

/** Epoch milliseconds a stored time may hold: a due date can be a century ahead. */
export const MAX_TIME = Date.UTC(2300, 0, 1);
export const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME;

/** The largest daily limit of new cards or reviews a user can set. */
export const MAX_DAILY_LIMIT = 9_999;
export const isDailyLimit = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DAILY_LIMIT;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "Learn more new cards today": extra new cards for the study day that starts at `dayStart`. */
export interface ExtraNewToday {
  dayStart: number;
  count: number;
}

export function isExtraNewToday(value: unknown): value is ExtraNewToday {
  return isPlainObject(value) && Object.keys(value).length === 2 && isTime(value.dayStart) && isDailyLimit(value.count);
}

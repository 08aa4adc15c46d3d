/** How the statistics screen writes days and durations, in the UI language. */
import { dayDate } from '../../core/stats.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';

/** "Tue, 3 Nov" — a study day, whatever the device's time zone (dayDate is UTC noon of that day). */
export function formatDay(day: number, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  return new Intl.DateTimeFormat(i18n.language, { ...options, timeZone: 'UTC' }).format(dayDate(day));
}

/** "12 min", "1.5 h". */
export function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return i18n.number(Math.round(minutes), { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  return i18n.number(Math.round(minutes / 6) / 10, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
}

export function formatPercent(rate: number, digits = 1): string {
  return i18n.number(rate, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

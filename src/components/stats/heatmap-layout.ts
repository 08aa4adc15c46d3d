/**
 * Where each day of the heatmap goes. Weeks are columns (Monday on top), cut into bands of half a year stacked
 * one above the other, so cells stay large enough to read and tap on a phone.
 */
import { dayDate, weekdayOf, type DayCount } from '../../core/stats.ts';

export const CELL = 11;
export const PITCH = 13;
export const WEEKS_PER_BAND = 27;
export const LABEL_WIDTH = 14;
export const MONTH_ROW = 14;
export const BAND_GAP = 10;
const BAND_HEIGHT = MONTH_ROW + 7 * PITCH;

export interface HeatCell {
  index: number;
  x: number;
  y: number;
}

export interface MonthMark {
  x: number;
  y: number;
  /** Epoch ms of the month's first day (UTC noon), to format. */
  date: number;
}

export interface HeatmapLayout {
  cells: HeatCell[];
  months: MonthMark[];
  /** Top of each band, for the weekday labels. */
  bands: number[];
  width: number;
  height: number;
}

export function heatmapLayout(days: readonly DayCount[]): HeatmapLayout {
  const offset = days.length > 0 ? weekdayOf(days[0]!.day) : 0;
  const cells: HeatCell[] = [];
  const months: MonthMark[] = [];
  let weeks = 0;
  days.forEach(({ day }, index) => {
    const week = Math.floor((index + offset) / 7);
    const band = Math.floor(week / WEEKS_PER_BAND);
    const x = LABEL_WIDTH + (week % WEEKS_PER_BAND) * PITCH;
    const top = band * (BAND_HEIGHT + BAND_GAP);
    cells.push({ index, x, y: top + MONTH_ROW + ((index + offset) % 7) * PITCH });
    if (new Date(dayDate(day)).getUTCDate() === 1) months.push({ x, y: top + MONTH_ROW - 4, date: dayDate(day) });
    weeks = week + 1;
  });
  const bandCount = Math.max(1, Math.ceil(weeks / WEEKS_PER_BAND));
  return {
    cells,
    months,
    bands: Array.from({ length: bandCount }, (_, band) => band * (BAND_HEIGHT + BAND_GAP) + MONTH_ROW),
    width: LABEL_WIDTH + Math.min(weeks, WEEKS_PER_BAND) * PITCH,
    height: bandCount * BAND_HEIGHT + (bandCount - 1) * BAND_GAP,
  };
}

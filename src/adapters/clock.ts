/** The only place that reads the system time; everything else is handed a Clock. */
export interface Clock {
  now(): number;
  /** Minutes east of UTC at that instant (depends on daylight saving time). */
  utcOffsetMinutes(at: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  utcOffsetMinutes: (at) => -new Date(at).getTimezoneOffset(),
};

/** Durations in milliseconds, and how summaries write them. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A duration in minutes as "42 min" or "3.5 h". */
export function formatDuration(ms: number): string {
  const min = Math.abs(ms) / MINUTE;
  if (min < 90) return `${Math.round(min)} min`;
  return `${Math.round((min / 60) * 10) / 10} h`;
}

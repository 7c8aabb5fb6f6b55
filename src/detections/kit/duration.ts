/** How summaries write a duration. */
import { MINUTE } from '../../time';

/** A duration in minutes as "42 min" or "3.5 h". */
export function formatDuration(ms: number): string {
  const min = Math.abs(ms) / MINUTE;
  if (min < 90) return `${Math.round(min)} min`;
  return `${Math.round((min / 60) * 10) / 10} h`;
}

/**
 * Time units and the buckets Vigil keys its data by, defined once for the stores, the pipeline steps
 * and the detection engine. All times are epoch milliseconds, UTC.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Start of the hour a time falls in. */
export function startOfHour(time: number): number {
  return Math.floor(time / HOUR) * HOUR;
}

/** The event-time hour a time falls in, `YYYY-MM-DDTHH`: how chunks, hours and findings are keyed. */
export function hourBucket(time: number): string {
  return new Date(startOfHour(time)).toISOString().slice(0, 13);
}

/** A DynamoDB TTL value: epoch seconds, `days` after `fromMs`. */
export function ttlSeconds(fromMs: number, days: number): number {
  return Math.floor(fromMs / 1000) + days * (DAY / 1000);
}

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

/**
 * An ISO-8601 timestamp with its zone (`2026-11-02T09:05:00Z`, `...T10:05:00.123+01:00`), in epoch ms; undefined for
 * anything else. JavaScript's own parser also reads `"1"`, `"Nov 2"` and zone-less dates (as local time), and rolls
 * February 30 over into March: none of those is a time an event can carry.
 */
export function parseIsoTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_TIME.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second = '0'] = m;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return undefined;
  // The calendar fields must name a real date and time (no day 30 of February, no hour 25).
  const check = new Date(0);
  check.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  check.setUTCHours(Number(hour), Number(minute), Number(second));
  const valid = check.getUTCFullYear() === Number(year) && check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) && check.getUTCHours() === Number(hour) && check.getUTCMinutes() === Number(minute);
  return valid ? time : undefined;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

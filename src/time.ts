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
  // The calendar fields must name a real date and time (no day 30 of February, no hour 25, no second 60).
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const time = Date.parse(text);
  return Number.isFinite(time) ? time : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

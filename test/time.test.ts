import fc from 'fast-check';
import { parseIsoTime } from '../src/time';

/** What "a real date and time" means, by the calendar JavaScript's Date keeps (the rule parseIsoTime implements by arithmetic). */
function reference(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second = '0'] = m;
  const check = new Date(0);
  check.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  check.setUTCHours(Number(hour), Number(minute), Number(second));
  const real = check.getUTCFullYear() === Number(year) && check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) && check.getUTCHours() === Number(hour) && check.getUTCMinutes() === Number(minute);
  const time = Date.parse(text);
  return real && Number.isFinite(time) ? time : undefined;
}

describe('ISO-8601 times', () => {
  it.each([
    ['2026-11-02T09:05:00Z', Date.UTC(2026, 10, 2, 9, 5)],
    ['2026-11-02T10:05:00.123+01:00', Date.UTC(2026, 10, 2, 9, 5, 0, 123)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2026-02-29T00:00:00Z', undefined],
    ['2100-02-29T00:00:00Z', undefined],
    ['2000-02-29T23:59:59Z', Date.UTC(2000, 1, 29, 23, 59, 59)],
    ['2026-04-31T00:00:00Z', undefined],
    ['2026-11-02T24:00:00Z', undefined],
    ['2026-11-02T09:60:00Z', undefined],
    ['2026-11-02T09:05:60Z', undefined],
    ['2026-13-02T09:05:00Z', undefined],
    ['2026-11-00T09:05:00Z', undefined],
    ['2026-11-02T09:05:00', undefined],
    ['Nov 2 2026', undefined],
  ])('given %s, when parsed, then it is %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it('given any calendar-shaped text, when parsed, then it agrees with the Date-based rule', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')), two(13), two(32), two(25), two(61), two(61), fc.constantFrom('Z', '+01:00', '-05:30', '.5Z', '.123456789+00:00'))
      .map(([y, mo, d, h, mi, s, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
    fc.assert(fc.property(text, (t) => parseIsoTime(t) === reference(t)), { numRuns: 5000, seed: 3 });
  });
});

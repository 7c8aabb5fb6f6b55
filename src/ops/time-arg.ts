/**
 * Times given on the command line: ISO-8601 dates and times, read as UTC unless they carry a zone. Anything
 * JavaScript's date parser would guess at (`1`, `Nov 2`, `2026-11-02 9`) is refused with what is accepted.
 */
const FORM = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d)(\.\d{1,3})?)?)?)?(Z|[+-]\d\d:\d\d)?$/;

export class TimeArgumentError extends Error {
  constructor(flag: string, value: string, why: string) {
    super(`${flag} ${JSON.stringify(value)}: ${why}. Use an ISO-8601 date or time, e.g. 2026-11-02, 2026-11-02T09, 2026-11-02T09:30 or 2026-11-02T09:30:00+02:00 (UTC unless a zone is given)`);
    this.name = 'TimeArgumentError';
  }
}

/** A command-line time as epoch milliseconds. */
export function parseTimeArg(flag: string, value: string): number {
  const m = FORM.exec(value.trim());
  if (!m) throw new TimeArgumentError(flag, value, 'not an ISO-8601 date or time');
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`;
  const time = Date.parse(text);
  // Date.parse rolls over impossible dates (Feb 30) in some engines: check the fields round-trip.
  if (!Number.isFinite(time) || (zone === 'Z' && new Date(time).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`)) throw new TimeArgumentError(flag, value, 'not a valid date or time');
  return time;
}

/** A `--from`/`--to` window, from before to. */
export function parseWindow(from: string, to: string): { from: number; to: number } {
  const start = parseTimeArg('--from', from);
  const end = parseTimeArg('--to', to);
  if (end <= start) throw new TimeArgumentError('--to', to, `not after --from (${new Date(start).toISOString()})`);
  return { from: start, to: end };
}

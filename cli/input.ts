/** Reading NDJSON event files for the CLI: one record a line, EventBridge envelopes or bare LogEvents. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { intakeLine, isOversize, MAX_EVENT_BYTES, type Intake, type IntakeRules } from '../src/okta/input';
import { DAY, HOUR, MINUTE } from '../src/time';

/** How many problems a report lists; the rest are counted ("N more"). */
export const PROBLEMS_SHOWN = 10;

export interface InputStats {
  lines: number;
  events: number;
  duplicates: number;
  malformed: number;
  notOkta: number;
  /** Okta events of another org or log stream than the tenant's. */
  foreign: number;
  /** Events delivered further from the rest of the input than the tenant's retention (see {@link readRecords}). */
  outOfRange: number;
  /** Lines that are not text (NUL bytes or invalid UTF-8); counted as malformed too. Their bytes are never shown. */
  binary: number;
  /** The first PROBLEMS_SHOWN problems, with their line numbers. */
  problems: string[];
}

export function newStats(): InputStats {
  return { lines: 0, events: 0, duplicates: 0, malformed: 0, notOkta: 0, foreign: 0, outOfRange: 0, binary: 0, problems: [] };
}

/** A line holding a NUL byte or bytes that are not UTF-8 (decoded as U+FFFD) is binary data, not NDJSON. */
const BINARY = /[\u0000\uFFFD]/;

const BINARY_VERDICT = { kind: 'malformed', reason: 'binary data, not text (not shown)' } as const satisfies Intake;

function verdictOf(text: string, rules: IntakeRules): Intake | undefined {
  return BINARY.test(text) ? BINARY_VERDICT : intakeLine(text, rules);
}

function problem(stats: InputStats, text: string): void {
  if (stats.problems.length < PROBLEMS_SHOWN) stats.problems.push(text);
}

/** One record of the input, with its verdict. */
export interface InputRecord {
  readonly line: number;
  readonly text: string;
  readonly verdict: Intake;
  /** An event already read (same uuid). */
  readonly duplicate: boolean;
  /**
   * Why the record can never be delivered, when it cannot: binary data, over EventBridge's size limit (PutEvents
   * refuses it), or out of the input's range of time. @default - it can
   */
  readonly undeliverable?: string;
}

/** How many of the input's first events set its clock (the median of their delivery times), so one stray time at the top cannot. */
export const CLOCK_SAMPLE = 25;
/** The most records held while the clock is set (an input with few events among many bad lines starts sooner). */
const MAX_HELD = 1_000;

/** When an event reached the bus: its envelope's `time`, else (a bare LogEvent) when it was published. */
function deliveredAt(v: Extract<Intake, { kind: 'event' }>): number {
  return v.delivered ?? v.event.time;
}

/**
 * The input's clock: the latest delivery accepted, starting from the median of the first {@link CLOCK_SAMPLE}. An event
 * delivered more than the tenant's retention before or after it is out of range: nothing that old is kept, and `vigil
 * simulate` would otherwise step through every hour of the gap (years, for a stray timestamp).
 */
class InputClock {
  private readonly sample: number[] = [];
  private now?: number;
  constructor(private readonly rangeMs: number) {}
  get started(): boolean {
    return this.now !== undefined;
  }
  get sampled(): number {
    return this.sample.length;
  }
  add(time: number): void {
    this.sample.push(time);
  }
  start(): void {
    const sorted = this.sample.sort((a, b) => a - b);
    this.now ??= sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
  }
  /** Why a delivery time is out of range, or undefined (then it moves the clock on). */
  judge(time: number): string | undefined {
    if (this.now === undefined) this.now = time;
    if (Math.abs(time - this.now) > this.rangeMs) {
      return `delivered ${new Date(time).toISOString()}, more than the tenant's retention (${this.rangeMs / DAY} days) from the rest of the input (${new Date(this.now).toISOString()})`;
    }
    this.now = Math.max(this.now, time);
    return undefined;
  }
}

/**
 * How far back in event time a duplicate is recognised: an event whose uuid was read before is counted as a duplicate when
 * its time is within this window of the latest event time read (Okta redelivers soon after; `vigil generate` within ten
 * minutes of an arrival at most 80 minutes late). Older copies count as events, and the pipeline deduplicates them as it
 * does any (the hourly read). The uuids of the window are all the reader holds, so memory does not grow with the input.
 */
export const DUPLICATE_WINDOW_MS = 2 * HOUR;
const UUID_BUCKET_MS = 15 * MINUTE;

/** The uuids of the events read whose time is within {@link DUPLICATE_WINDOW_MS} of the latest, in buckets of event time dropped as the window moves on. */
class RecentUuids {
  private readonly buckets = new Map<number, Set<string>>();
  private latest = -Infinity;

  /** Whether the uuid was read before (within the window); if not, it is remembered when its time is in the window. */
  seen(uuid: string, time: number): boolean {
    for (const b of this.buckets.values()) if (b.has(uuid)) return true;
    if (time > this.latest) {
      this.latest = time;
      for (const start of this.buckets.keys()) if (start + UUID_BUCKET_MS <= time - DUPLICATE_WINDOW_MS) this.buckets.delete(start);
    }
    if (time < this.latest - DUPLICATE_WINDOW_MS) return false;
    const start = Math.floor(time / UUID_BUCKET_MS) * UUID_BUCKET_MS;
    let bucket = this.buckets.get(start);
    if (!bucket) this.buckets.set(start, (bucket = new Set()));
    bucket.add(uuid);
    return false;
  }
}

/**
 * Stream a file's records with their verdicts (src/okta/input.ts, with the tenant's rules); counts go into `stats` as
 * it goes. A bad line is counted and reported and never stops the file. Records are held until the input's clock is
 * set (at most {@link CLOCK_SAMPLE} events), then come in file order.
 */
export async function* readRecords(path: string, stats: InputStats, rules: IntakeRules = {}): AsyncGenerator<InputRecord> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const recent = new RecentUuids();
  const clock = new InputClock((rules.retentionDays ?? Infinity) * DAY);
  const held: Array<{ line: number; text: string; verdict: Intake }> = [];
  const judged = (line: number, text: string, verdict: Intake): InputRecord => {
    stats.lines++;
    if (verdict === BINARY_VERDICT) {
      stats.binary++;
      stats.malformed++;
      problem(stats, `line ${line}: malformed: ${verdict.reason}`);
      return { line, text, verdict, duplicate: false, undeliverable: 'binary data' };
    }
    if (verdict.kind === 'malformed' && isOversize(verdict)) {
      stats.malformed++;
      problem(stats, `line ${line}: malformed: ${verdict.reason}`);
      return { line, text, verdict, duplicate: false, undeliverable: `over EventBridge's ${MAX_EVENT_BYTES / 1024} KB limit` };
    }
    if (verdict.kind === 'malformed') {
      stats.malformed++;
      problem(stats, `line ${line}: malformed: ${verdict.reason}`);
    } else if (verdict.kind === 'not-okta') {
      stats.notOkta++;
      problem(stats, `line ${line}: not an Okta event: ${verdict.reason}`);
    } else if (verdict.kind === 'foreign') {
      stats.foreign++;
      problem(stats, `line ${line}: another org's event: ${verdict.reason}`);
    } else {
      const outOfRange = clock.judge(deliveredAt(verdict));
      if (outOfRange) {
        stats.outOfRange++;
        problem(stats, `line ${line}: out of range: LogEvent ${verdict.event.uuid} ${outOfRange}`);
        return { line, text, verdict: { kind: 'malformed', reason: outOfRange }, duplicate: false, undeliverable: 'out of the input\'s range of time' };
      }
      if (recent.seen(verdict.event.uuid, verdict.event.time)) {
        stats.duplicates++;
        return { line, text, verdict, duplicate: true };
      }
      stats.events++;
    }
    return { line, text, verdict, duplicate: false };
  };
  let n = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    const verdict = verdictOf(text, rules);
    if (!verdict) continue;
    if (clock.started) {
      yield judged(n, text, verdict);
      continue;
    }
    held.push({ line: n, text, verdict });
    if (verdict.kind === 'event') clock.add(deliveredAt(verdict));
    if (clock.sampled >= CLOCK_SAMPLE || held.length >= MAX_HELD) {
      clock.start();
      for (const h of held.splice(0)) yield judged(h.line, h.text, h.verdict);
    }
  }
  clock.start();
  for (const h of held) yield judged(h.line, h.text, h.verdict);
}

/** Nothing in the input could be read as an Okta event: empty, all malformed, binary, or none of it Okta's. */
export function nothingRead(s: InputStats): boolean {
  return s.events === 0;
}

/** Why the input gave nothing to work on, for stderr; the caller exits non-zero. */
export function nothingReadMessage(input: string, s: InputStats): string {
  const what = input === '-' ? 'stdin' : input;
  if (s.lines === 0) return `vigil: no records in ${what} (empty): nothing to do`;
  return `vigil: no Okta event could be read from ${what}: ${formatStats(s)}`;
}

export function formatStats(s: InputStats): string {
  const problems = s.malformed + s.notOkta + s.foreign + s.outOfRange;
  const more = problems - s.problems.length;
  return (
    `${s.lines} records: ${s.events} events, ${s.duplicates} duplicates, ${s.malformed} malformed${s.binary ? ` (${s.binary} binary)` : ''}, ${s.notOkta} not Okta` +
    `${s.foreign ? `, ${s.foreign} of another org` : ''}${s.outOfRange ? `, ${s.outOfRange} out of range` : ''}` +
    (problems ? `; ${problems} problems:\n  ${s.problems.join('\n  ')}${more > 0 ? `\n  ... and ${more} more` : ''}` : '')
  );
}

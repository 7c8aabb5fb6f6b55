/** Reading NDJSON event files for the CLI: one record a line, EventBridge envelopes or bare LogEvents. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { intakeLine, type Intake } from '../src/okta/input';

/** How many problems a report lists; the rest are counted ("N more"). */
export const PROBLEMS_SHOWN = 10;

export interface InputStats {
  lines: number;
  events: number;
  duplicates: number;
  malformed: number;
  notOkta: number;
  /** Lines that are not text (NUL bytes or invalid UTF-8); counted as malformed too. Their bytes are never shown. */
  binary: number;
  /** The first PROBLEMS_SHOWN problems, with their line numbers. */
  problems: string[];
}

export function newStats(): InputStats {
  return { lines: 0, events: 0, duplicates: 0, malformed: 0, notOkta: 0, binary: 0, problems: [] };
}

/** A line holding a NUL byte or bytes that are not UTF-8 (decoded as U+FFFD) is binary data, not NDJSON. */
const BINARY = /[\u0000\uFFFD]/;

function verdictOf(text: string, stats: InputStats): Intake | undefined {
  if (BINARY.test(text)) {
    stats.binary++;
    return { kind: 'malformed', reason: 'binary data, not text (not shown)' };
  }
  return intakeLine(text);
}

function problem(stats: InputStats, text: string): void {
  if (stats.problems.length < PROBLEMS_SHOWN) stats.problems.push(text);
}

/** Stream a file's records with their verdicts; counts go into `stats` as it goes. */
export async function* readRecords(path: string, stats: InputStats): AsyncGenerator<{ line: number; text: string; verdict: Intake; duplicate: boolean }> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const seen = new Set<string>();
  let n = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    const verdict = verdictOf(text, stats);
    if (!verdict) continue;
    stats.lines++;
    let duplicate = false;
    if (verdict.kind === 'malformed') {
      stats.malformed++;
      problem(stats, `line ${n}: malformed: ${verdict.reason}`);
    } else if (verdict.kind === 'not-okta') {
      stats.notOkta++;
      problem(stats, `line ${n}: not an Okta event: ${verdict.reason}`);
    } else if (seen.has(verdict.event.uuid)) {
      stats.duplicates++;
      duplicate = true;
    } else {
      seen.add(verdict.event.uuid);
      stats.events++;
    }
    yield { line: n, text, verdict, duplicate };
  }
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
  const problems = s.malformed + s.notOkta;
  const more = problems - s.problems.length;
  return (
    `${s.lines} records: ${s.events} events, ${s.duplicates} duplicates, ${s.malformed} malformed${s.binary ? ` (${s.binary} binary)` : ''}, ${s.notOkta} not Okta` +
    (problems ? `; ${problems} problems:\n  ${s.problems.join('\n  ')}${more > 0 ? `\n  ... and ${more} more` : ''}` : '')
  );
}

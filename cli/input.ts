/** Reading NDJSON event files for the CLI: one record a line, EventBridge envelopes or bare LogEvents. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { intakeLine, type Intake } from '../src/okta/input';

export interface InputStats {
  lines: number;
  events: number;
  duplicates: number;
  malformed: number;
  notOkta: number;
  /** The first few problems, with their line numbers. */
  problems: string[];
}

export function newStats(): InputStats {
  return { lines: 0, events: 0, duplicates: 0, malformed: 0, notOkta: 0, problems: [] };
}

/** Stream a file's records with their verdicts; counts go into `stats` as it goes. */
export async function* readRecords(path: string, stats: InputStats): AsyncGenerator<{ line: number; text: string; verdict: Intake; duplicate: boolean }> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const seen = new Set<string>();
  let n = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    const verdict = intakeLine(text);
    if (!verdict) continue;
    stats.lines++;
    let duplicate = false;
    if (verdict.kind === 'malformed') {
      stats.malformed++;
      if (stats.problems.length < 10) stats.problems.push(`line ${n}: malformed: ${verdict.reason}`);
    } else if (verdict.kind === 'not-okta') {
      stats.notOkta++;
      if (stats.problems.length < 10) stats.problems.push(`line ${n}: not an Okta event: ${verdict.reason}`);
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

export function formatStats(s: InputStats): string {
  return `${s.lines} records: ${s.events} events, ${s.duplicates} duplicates, ${s.malformed} malformed, ${s.notOkta} not Okta` + (s.problems.length ? `\n  ${s.problems.join('\n  ')}` : '');
}

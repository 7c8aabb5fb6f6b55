/**
 * Local throughput: `vigil simulate` (the whole pipeline on the local runtime: bus, delivery stream, S3, queues,
 * handlers, state machine, DynamoDB) against `vigil detect` (the catalog alone) on the same generated file, each in
 * a new process, with wall time and peak RSS, in pairs (see below). Target: simulate within 5 times detect's wall time,
 * under 1 GB, and peak memory that does not grow with the number of events (compare the sizes).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianBy, type Row } from './table';

const ROOT = join(__dirname, '..');
const NODE = process.execPath;

interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
}

/** Pairs of runs for a day of this many users: three up to about 100,000 events, one beyond (a 20,000-user day takes minutes). */
const pairsFor = (users: number) => (users <= 4000 ? 3 : 1);

function run(args: readonly string[], dir: string): Measured {
  const rss = join(dir, 'rss');
  const started = performance.now();
  execFileSync(NODE, ['-r', join(__dirname, 'peak-rss.cjs'), join(ROOT, 'bin', 'vigil.cjs'), ...args], { cwd: ROOT, env: { ...process.env, VIGIL_PEAK_RSS_FILE: rss }, stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  return { seconds: (performance.now() - started) / 1000, peakMb: Math.round(Number(readFileSync(rss, 'utf8')) / 1024) };
}

/** Lines of a file, read as a stream (a 20,000-user day is over a gigabyte). */
async function lineCount(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) n++;
  return n;
}

export async function throughputRows(usersPerDay: readonly number[], tenant = 'acme'): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-throughput-'));
  const rows: Row[] = [];
  try {
    for (const users of usersPerDay) {
      const file = join(dir, `day-${users}.ndjson`);
      // The generator writes straight into the file: a day is never held in this process.
      const out = openSync(file, 'w');
      try {
        execFileSync(NODE, [join(ROOT, 'bin', 'vigil.cjs'), 'generate', '--tenant', tenant, '--users', String(users)], { cwd: ROOT, stdio: ['ignore', out, 'ignore'] });
      } finally {
        closeSync(out);
      }
      const lines = await lineCount(file);
      // This machine's speed drifts by 10% or more from minute to minute: detect and simulate run in pairs, one right
      // after the other, and each pair gives a ratio; the median pair is the measure, the spread its noise.
      const pairs: Array<{ detect: Measured; simulate: Measured }> = [];
      for (let i = 0; i < pairsFor(users); i++) pairs.push({ detect: run(['detect', '--tenant', tenant, '--input', file], dir), simulate: run(['simulate', '--tenant', tenant, '--input', file], dir) });
      const ratio = (p: (typeof pairs)[number]) => p.simulate.seconds / p.detect.seconds;
      const mid = medianBy(pairs, ratio);
      const peak = (which: 'detect' | 'simulate') => Math.max(...pairs.map((p) => p[which].peakMb));
      rows.push([
        `${users} users: ${lines.toLocaleString('en-US')} records (${Math.round(statSync(file).size / 1e6)} MB)`,
        `detect ${mid.detect.seconds.toFixed(1)} s, ${peak('detect')} MB; simulate ${mid.simulate.seconds.toFixed(1)} s, ${peak('simulate')} MB = ${ratio(mid).toFixed(1)}x detect's time` +
          (pairs.length > 1 ? ` (median of ${pairs.length} pairs: ${pairs.map((p) => `${ratio(p).toFixed(1)}x`).join(', ')})` : ''),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

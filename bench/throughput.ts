/**
 * Local throughput: `vigil simulate` (the whole pipeline on the local runtime: bus, delivery stream, S3, queues,
 * handlers, state machine, DynamoDB) against `vigil detect` (the catalog alone) on the same generated file, each in
 * a new process, with wall time and peak RSS. Target: simulate within 5 times detect's wall time, under 1 GB, and
 * peak memory that does not grow with the number of events (compare the sizes).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './table';

const ROOT = join(__dirname, '..');
const NODE = process.execPath;

function run(args: readonly string[], dir: string): { seconds: number; peakMb: number } {
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
      const detect = run(['detect', '--tenant', tenant, '--input', file], dir);
      const simulate = run(['simulate', '--tenant', tenant, '--input', file], dir);
      rows.push([
        `${users} users: ${lines.toLocaleString('en-US')} records (${Math.round(statSync(file).size / 1e6)} MB)`,
        `detect ${detect.seconds.toFixed(1)} s, ${detect.peakMb} MB; simulate ${simulate.seconds.toFixed(1)} s, ${simulate.peakMb} MB = ${(simulate.seconds / detect.seconds).toFixed(1)}x detect's time`,
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Local throughput: `vigil simulate` (the whole pipeline on the local runtime: bus, delivery stream, S3, queues,
 * handlers, state machine, DynamoDB) against `vigil detect` (the catalog alone) on the same generated file, each in
 * a new process, with wall time and peak RSS. Target: simulate within 5 times detect's wall time, under 1 GB, and
 * peak memory that does not grow with the number of events (compare the sizes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

export function throughputRows(usersPerDay: readonly number[], tenant = 'acme'): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-throughput-'));
  const rows: Row[] = [];
  try {
    for (const users of usersPerDay) {
      const file = join(dir, `day-${users}.ndjson`);
      writeFileSync(file, execFileSync(NODE, [join(ROOT, 'bin', 'vigil.cjs'), 'generate', '--tenant', tenant, '--users', String(users)], { cwd: ROOT, maxBuffer: 1 << 30 }));
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
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

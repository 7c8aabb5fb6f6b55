/**
 * Peak memory of the detection engine on a large org's benign day, each in a child process fed the events on stdin
 * (so that the generator's memory is not counted): the streaming engine over the whole day, and the hourly Detect
 * step over the day's busiest hour. Each also says what it found on that benign day.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DayStream } from '../local/generator';
import { HOUR } from '../src/time';
import { benchDay } from './days';
import type { ChildReport } from './engine-child';
import type { GenerateReport } from './generate-child';
import type { Row } from './table';

async function runChild<R>(script: string, args: readonly string[], lines: Iterable<string> = []): Promise<R> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  for (const line of lines) if (!child.stdin.write(`${line}\n`)) await once(child.stdin, 'drain');
  child.stdin.end();
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`bench child ${script} ${args.join(' ')} exited with ${code}`);
  return JSON.parse(out.trim()) as R;
}

function* deliveryLines(day: DayStream): Generator<string> {
  for (const d of day.deliveries) yield d.raw ?? JSON.stringify(d.event);
}

/** The events of the hour with the most of them, and that hour. */
function busiestHour(day: DayStream): { hour: string; lines: string[] } {
  const counts = new Map<number, number>();
  for (const e of day.events) {
    const h = Math.floor(Date.parse(e.published) / HOUR);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const lines: string[] = [];
  for (const e of day.events) if (Math.floor(Date.parse(e.published) / HOUR) === busiest) lines.push(JSON.stringify(e));
  return { hour: new Date(busiest * HOUR).toISOString().slice(0, 13), lines };
}

const describe = (r: ChildReport) => {
  const findings = Object.entries(r.findings).sort((a, b) => b[1] - a[1]);
  const total = findings.reduce((n, [, k]) => n + k, 0);
  return `peak RSS ${r.peakRssMb} MB (${r.startRssMb} MB at start), live heap at the end ${r.liveHeapMb} MB for ${r.activeKeys} keys; ${r.events} events; ${total} findings${total ? ` (${findings.map(([id, k]) => `${id}: ${k}`).join(', ')})` : ''}`;
};

/** Time and peak RSS of generating and writing out a day with its attacks, as `vigil generate` does. */
export async function generatorCost(users: number, seed: number): Promise<Row[]> {
  const r = await runChild<GenerateReport>('generate-child.ts', [String(users), String(seed)]);
  return [[`generating and writing a ${users}-user day`, `${r.events} events (${Math.round(r.bytes / 1e6)} MB of NDJSON) in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb} MB`]];
}

export async function engineMemory(users: number, seed: number): Promise<Row[]> {
  const day = benchDay(users, seed, false);
  const stream = await runChild<ChildReport>('engine-child.ts', ['stream'], deliveryLines(day));
  const { hour, lines } = busiestHour(day);
  const hourly = await runChild<ChildReport>('engine-child.ts', ['hour'], lines);
  return [
    [`streaming engine (vigil detect), ${users} users, whole day`, describe(stream)],
    [`hourly Detect step, ${users} users, busiest hour ${hour}`, describe(hourly)],
  ];
}

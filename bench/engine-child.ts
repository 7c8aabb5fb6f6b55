/**
 * A child process of the bench (memory.ts): reads NDJSON events on stdin and runs the catalog over them, then prints
 * what it held as one JSON line (run with --expose-gc for the live heap). `stream`: the streaming engine as `vigil detect` runs it, event by event. `hour`:
 * the hourly Detect step, which holds the hour's events, orders them and runs the engine over the hour (its
 * DynamoDB reads and writes left out).
 */
import { createInterface } from 'node:readline';
import { resolveCatalog } from '../src/detections/catalog';
import { DetectionEngine } from '../src/detections/engine';
import { StreamingDetector } from '../src/detections/reorder';
import type { Finding } from '../src/detections/types';
import type { OktaEvent } from '../src/okta/event';
import { intakeLine } from '../src/okta/input';
import { HOUR } from '../src/time';

export interface ChildReport {
  readonly startRssMb: number;
  readonly peakRssMb: number;
  readonly events: number;
  /** Findings by detection id. */
  readonly findings: Readonly<Record<string, number>>;
  /** (detection, key) states held at the end. */
  readonly activeKeys: number;
  /** The heap still live at the end, after a full collection (the run's held state, not its garbage). */
  readonly liveHeapMb: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

async function main(mode: string): Promise<void> {
  const startRssMb = mb(process.resourceUsage().maxRSS);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let events = 0;
  const findings: Record<string, number> = {};
  const count = (fs: readonly Finding[]) => {
    for (const f of fs) findings[f.detectionId] = (findings[f.detectionId] ?? 0) + 1;
  };
  let engine: DetectionEngine;
  if (mode === 'stream') {
    const stream = new StreamingDetector(resolveCatalog());
    for await (const line of lines) {
      const v = intakeLine(line);
      if (v?.kind === 'event') count(stream.push(v.event));
    }
    count(stream.flush());
    events = stream.stats.events;
    engine = stream.engine;
  } else {
    const hour: OktaEvent[] = [];
    for await (const line of lines) {
      const v = intakeLine(line);
      if (v?.kind === 'event') hour.push(v.event);
    }
    hour.sort((a, b) => a.time - b.time);
    events = hour.length;
    const from = Math.floor(hour[0].time / HOUR) * HOUR;
    engine = new DetectionEngine(resolveCatalog(), { emitFrom: from, emitTo: from + HOUR });
    for (const e of hour) count(engine.process(e));
  }
  const peakRssMb = mb(process.resourceUsage().maxRSS);
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  const report: ChildReport = { startRssMb, peakRssMb, events, findings, activeKeys: engine.activeKeys, liveHeapMb };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv[2] ?? 'stream').catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});

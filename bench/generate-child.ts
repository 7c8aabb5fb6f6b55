/**
 * A child process of the bench (memory.ts): generates a large org's day and writes it as `vigil generate` does (each
 * delivery serialized in turn, here to nowhere), then prints the time taken and its peak RSS as one JSON line.
 */
import { benchDay } from './days';

export interface GenerateReport {
  readonly events: number;
  /** Characters written. */
  readonly bytes: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

const [users, seed] = process.argv.slice(2).map(Number);
const start = performance.now();
const day = benchDay(users, seed, true);
let bytes = 0;
for (const d of day.deliveries) bytes += (d.raw ?? JSON.stringify(d.event)).length;
const report: GenerateReport = { events: day.events.length, seconds: (performance.now() - start) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), bytes };
process.stdout.write(`${JSON.stringify(report)}\n`);

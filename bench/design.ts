/**
 * Ratios that shaped the design, on a 1,000-user demo day:
 *   provider import: root of @cdktf/provider-aws vs the deep imports the stacks use (time, memory);
 *   chunk storage: gzip NDJSON chunk size vs raw events (what keeps DynamoDB items small);
 *   detection: the whole catalog over a day of events vs just parsing and normalizing them;
 *   streaming: peak events held by the reorder buffer vs events processed.
 */
import { execFileSync } from 'node:child_process';
import { generateDay } from '../local/generator';
import { resolveCatalog } from '../src/detections/catalog';
import { StreamingDetector } from '../src/detections/reorder';
import { normalize } from '../src/okta/event';
import { gzipSync } from 'node:zlib';
import { medianBy, type Row } from './table';

function child(code: string): { ms: number; rssMb: number } {
  const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();${code};const ms=Number(process.hrtime.bigint()-t)/1e6;console.log(JSON.stringify({ms,rssMb:process.memoryUsage().rss/1048576}))`], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median<T>(runs: number, f: () => T, key: (t: T) => number): T {
  return medianBy(Array.from({ length: runs }, f), key);
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

export function designRatios(): Row[] {
  const rows: Row[] = [];
  const deep = ['sns-topic', 'sqs-queue', 'lambda-function', 'dynamodb-table', 'cloudwatch-event-bus', 'sfn-state-machine', 'kms-key', 'iam-role', 'scheduler-schedule'].map((m) => `require('@cdktf/provider-aws/lib/${m}')`).join(';');
  const root = median(3, () => child("require('@cdktf/provider-aws')"), (r) => r.ms);
  const deepRun = median(3, () => child(deep), (r) => r.ms);
  rows.push(['provider import, root vs 9 deep imports (time)', `${root.ms.toFixed(0)} ms vs ${deepRun.ms.toFixed(0)} ms = ${ratio(root.ms, deepRun.ms)}`]);
  rows.push(['provider import, root vs 9 deep imports (RSS)', `${root.rssMb.toFixed(0)} MB vs ${deepRun.rssMb.toFixed(0)} MB = ${ratio(root.rssMb, deepRun.rssMb)}`]);

  const day = generateDay({ day: '2026-11-02', org: 'bench', source: 'aws.partner/okta.com/bench/vigil', users: 1000, attacks: true });
  const sample = day.events.slice(0, 200);
  const raw = Buffer.byteLength(sample.map((e) => JSON.stringify(e)).join('\n'));
  const gz = gzipSync(sample.map((e) => JSON.stringify(e)).join('\n')).length;
  rows.push(['200 events as an object, raw vs gzip', `${(raw / 1024).toFixed(0)} KB vs ${(gz / 1024).toFixed(0)} KB = ${ratio(raw, gz)} smaller`]);

  const lines = day.events.map((e) => JSON.stringify(e));
  const parseOnly = median(5, () => {
    const t = performance.now();
    for (const l of lines) normalize(JSON.parse(l));
    return performance.now() - t;
  }, (x) => x);
  let maxBuffered = 0;
  const detect = median(5, () => {
    const t = performance.now();
    const s = new StreamingDetector(resolveCatalog());
    for (const l of lines) s.push(normalize(JSON.parse(l)));
    s.flush();
    maxBuffered = s.stats.maxBuffered;
    return performance.now() - t;
  }, (x) => x);
  rows.push([`${resolveCatalog().length} detections over ${lines.length} events vs parse+normalize only`, `${detect.toFixed(0)} ms vs ${parseOnly.toFixed(0)} ms = ${ratio(detect, parseOnly)} (${Math.round(lines.length / (detect / 1000))} events/s)`]);
  rows.push(['reorder buffer peak vs events streamed', `${maxBuffered} vs ${lines.length} = ${((maxBuffered / lines.length) * 100).toFixed(1)}%`]);
  return rows;
}

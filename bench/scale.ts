/**
 * The catalog on a large org's days at several sizes: findings per user-day on benign days, by detection (target 0;
 * `info` findings, a record and never an alarm, are listed apart), and the recall of the injected attacks (each names
 * the detection it targets; found when a finding of that detection includes one of the attack's events).
 */
import type { Finding } from '../src/detections/types';
import { benchDay, detectDay } from './days';
import type { Row } from './table';

export interface ScaleOptions {
  /** Seeds per size. */
  readonly seeds: Readonly<Record<number, readonly number[]>>;
  /** Called as each day is done (the bench is slow at 20,000 users). */
  readonly progress: (line: string) => void;
}

const perUserDay = (n: number, userDays: number) => (n / userDays).toFixed(4);

export function benignFindings(options: ScaleOptions): Row[] {
  const rows: Row[] = [];
  for (const [size, seeds] of Object.entries(options.seeds)) {
    const users = Number(size);
    const byDetection = new Map<string, number>();
    const records = new Map<string, number>();
    const flagged = new Set<string>();
    let events = 0;
    for (const seed of seeds) {
      const day = benchDay(users, seed, false);
      const t = performance.now();
      const all = detectDay(day);
      // info findings are a record (requests ThreatInsight blocked, actions peers mark informational), never an
      // alarm: counted apart from the false positives.
      const findings = all.filter((f) => f.severity !== 'info');
      for (const f of all) if (f.severity === 'info') records.set(f.detectionId, (records.get(f.detectionId) ?? 0) + 1);
      events += day.events.length;
      for (const f of findings) {
        byDetection.set(f.detectionId, (byDetection.get(f.detectionId) ?? 0) + 1);
        if (f.subject.type === 'user') flagged.add(`${seed}|${f.subject.id}`);
      }
      options.progress(`benign ${users} users, seed ${seed}: ${day.events.length} events, ${findings.length} findings (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    }
    const userDays = users * seeds.length;
    const total = [...byDetection.values()].reduce((a, b) => a + b, 0);
    rows.push([`${users} users x ${seeds.length} benign days (${events} events)`, `${total} findings = ${perUserDay(total, userDays)} per user-day; ${flagged.size} users flagged`]);
    for (const [id, n] of [...byDetection].sort((a, b) => b[1] - a[1])) rows.push([`  ${id}`, `${n} = ${perUserDay(n, userDays)} per user-day`]);
    for (const [id, n] of [...records].sort((a, b) => b[1] - a[1])) rows.push([`  info records (not alarms): ${id}`, `${n} = ${perUserDay(n, userDays)} per user-day`]);
  }
  return rows;
}

const foundIn = (findings: readonly Finding[], detection: string, uuids: readonly string[]) => {
  const mine = new Set(uuids);
  return findings.some((f) => f.detectionId === detection && f.eventUuids.some((u) => mine.has(u)));
};

export function recall(options: ScaleOptions): Row[] {
  const found = new Map<string, { detection: string; bySize: Map<number, [found: number, days: number]> }>();
  for (const [size, seeds] of Object.entries(options.seeds)) {
    const users = Number(size);
    for (const seed of seeds) {
      const day = benchDay(users, seed, true);
      const findings = detectDay(day);
      for (const a of day.attacks) {
        const entry = found.get(a.name) ?? { detection: a.detection, bySize: new Map() };
        const [hit, days] = entry.bySize.get(users) ?? [0, 0];
        entry.bySize.set(users, [hit + (foundIn(findings, a.detection, a.uuids) ? 1 : 0), days + 1]);
        found.set(a.name, entry);
      }
      options.progress(`attacks in ${users} users, seed ${seed}: ${day.events.length} events, ${findings.length} findings`);
    }
  }
  return [...found].map(([name, { detection, bySize }]) => [`${name} (${detection})`, [...bySize].map(([users, [hit, days]]) => `${users}: ${hit}/${days}`).join('   ')]);
}

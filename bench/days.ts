/** The bench's generated days: a large org's (the enterprise profile) at a size and seed, and the catalog over one. */
import { streamDay, type DayStream } from '../local/generator';
import { resolveCatalog } from '../src/detections/catalog';
import { StreamingDetector } from '../src/detections/reorder';
import type { Finding } from '../src/detections/types';
import { intake } from '../src/okta/input';

export function benchDay(users: number, seed: number, attacks: boolean): DayStream {
  const org = `bench${users}`;
  return streamDay({ day: '2026-11-02', org, source: `aws.partner/okta.com/${org}/vigil`, users, seed, attacks, profile: 'enterprise' });
}

/** The whole catalog over a day's deliveries, streaming, as `vigil detect` runs it (late, duplicate and broken records included). */
export function detectDay(day: DayStream): Finding[] {
  const stream = new StreamingDetector(resolveCatalog());
  const findings: Finding[] = [];
  for (const d of day.deliveries) {
    const verdict = d.raw === undefined ? intake(d.event) : undefined;
    if (verdict?.kind === 'event') findings.push(...stream.push(verdict.event));
  }
  findings.push(...stream.flush());
  return findings;
}

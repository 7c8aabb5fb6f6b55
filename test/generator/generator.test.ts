import { resolveCatalog } from '../../src/detections/catalog';
import { detectAll } from '../../src/detections/reorder';
import { normalize } from '../../src/okta/event';
import { logEvent } from '../../src/okta/fixtures';
import type { OktaEnvelope } from '../../src/okta/log-event';
import { ATTACKS } from '../../local/generator/attacks';
import { benignTraffic } from '../../local/generator/benign';
import { HOUR, MINUTE } from '../../src/time';
import { byTime, startDay } from '../../local/generator/day';
import { deliver, type Delivery } from '../../local/generator/delivery';
import { createUsers } from '../../local/generator/people';
import { PROFILES } from '../../local/generator/profile';
import { MIN_BENIGN_USERS, MIN_USERS, streamDay } from '../../local/generator';

const SOURCE = 'aws.partner/okta.com/acme/vigil';
const newDay = () => startDay({ day: '2026-11-02', org: 'acme', seed: 42, profile: PROFILES.demo });

describe('day generator: attack scenarios', () => {
  it.each(ATTACKS.map((s) => [s.name, s] as const))('given "%s" written into a day with no other traffic, when the catalog runs, then the detection it targets fires', (_, scenario) => {
    const day = newDay();
    const users = createUsers(day, 100, 42);

    const { at } = scenario.inject(day, users);

    const findings = detectAll(resolveCatalog(), day.events.map((e) => normalize(logEvent(e)))).filter((f) => f.detectionId === scenario.detection);
    expect(findings.length).toBeGreaterThan(0);
    expect(Date.parse(findings[0].windowStart)).toBeGreaterThanOrEqual(at);
  });

  it.each(ATTACKS.map((s) => [s.name, s] as const))('given "%s", when written, then it draws nothing from the day\'s random stream (the benign traffic and its delivery stay the same)', (_, scenario) => {
    const day = newDay();
    const twin = newDay();
    const users = createUsers(day, 100, 42);
    createUsers(twin, 100, 42);

    scenario.inject(day, users);

    expect(day.rnd()).toBe(twin.rnd());
  });
});

describe('day generator: delivery', () => {
  const benignDay = () => {
    const day = newDay();
    benignTraffic(day, 120, 42);
    byTime(day.events);
    return day;
  };
  const envelopes = (deliveries: readonly Delivery[]) => deliveries.filter((d) => (d.event as OktaEnvelope | undefined)?.detail?.uuid).map((d) => ({ at: d.at, env: d.event as OktaEnvelope }));

  it('given no lateness and no duplicates, when delivered, then every event arrives once within seconds, plus the three broken records', () => {
    const day = benignDay();

    const deliveries = [...deliver(day, { source: SOURCE, lateRate: 0, duplicateRate: 0 })];

    const ok = envelopes(deliveries);
    expect(ok.map((d) => d.env.detail.uuid).sort()).toEqual(day.events.map((e) => e.uuid).sort());
    expect(ok.every((d) => d.at - Date.parse(d.env.detail.published) <= 5_000)).toBe(true);
    expect(deliveries.length).toBe(day.events.length + 3);
  });

  it('given a late rate of 20% and a duplicate rate of 10% on a seed, when delivered, then about those shares arrive 20-80 minutes late and twice', () => {
    const day = benignDay();

    const deliveries = [...deliver(day, { source: SOURCE, lateRate: 0.2, duplicateRate: 0.1 })];

    const first = new Map<string, number>();
    const times = new Map<string, number>();
    for (const { at, env } of envelopes(deliveries)) {
      times.set(env.id, (times.get(env.id) ?? 0) + 1);
      first.set(env.id, Math.min(first.get(env.id) ?? Infinity, at - Date.parse(env.detail.published)));
    }
    const n = day.events.length;
    const late = [...first.values()].filter((delay) => delay >= 20 * MINUTE);
    expect(late.length / n).toBeGreaterThan(0.17);
    expect(late.length / n).toBeLessThan(0.23);
    expect(late.every((delay) => delay <= 80 * MINUTE)).toBe(true);
    const twice = [...times.values()].filter((k) => k === 2).length;
    expect(twice / n).toBeGreaterThan(0.07);
    expect(twice / n).toBeLessThan(0.13);
    expect(Math.max(...times.values())).toBe(2);
  });

  it('given a day, when delivered, then some events carry each of Okta\'s quirks and the broken records are a truncated line, an event with no uuid and another source\'s event', () => {
    const day = benignDay();

    const deliveries = [...deliver(day, { source: SOURCE, lateRate: 0.02, duplicateRate: 0.005 })];

    const details = envelopes(deliveries).map((d) => d.env.detail);
    expect(details.some((e) => e.target === null)).toBe(true);
    expect(details.some((e) => e.client && Object.keys(e.client).length === 0)).toBe(true);
    expect(details.some((e) => e.securityContext?.asNumber === null)).toBe(true);
    const broken = deliveries.filter((d) => !(d.event as OktaEnvelope | undefined)?.detail?.uuid);
    expect(broken.map((d) => [(d.at - day.start) / HOUR, d.raw !== undefined, (d.event as OktaEnvelope | undefined)?.source])).toEqual([
      [9.5, true, undefined],
      [12.5, false, SOURCE],
      [15.5, false, 'aws.events'],
    ]);
  });
});

describe('day generator: org size', () => {
  it.each([1, MIN_USERS - 1, 12.5])('given %s users, when a day with attacks is asked for, then it is refused with the smallest size it models', (users) => {
    expect(() => streamDay({ day: '2026-11-02', org: 'acme', source: SOURCE, users })).toThrow(`users must be a whole number of at least ${MIN_USERS} for a day with attacks, not ${users}`);
  });

  it.each(['demo', 'enterprise'] as const)('given the smallest benign org (%s profile), when a benign day is asked for, then it is generated, and one user fewer is refused', (profile) => {
    expect(streamDay({ day: '2026-11-02', org: 'acme', source: SOURCE, users: MIN_BENIGN_USERS, profile, attacks: false }).events.length).toBeGreaterThan(0);
    expect(() => streamDay({ day: '2026-11-02', org: 'acme', source: SOURCE, users: MIN_BENIGN_USERS - 1, profile, attacks: false })).toThrow(`at least ${MIN_BENIGN_USERS}, not`);
  });

  it.each(['demo', 'enterprise'] as const)('given the smallest org (%s profile), when a day is generated with its attacks, then every scenario is injected', (profile) => {
    const day = streamDay({ day: '2026-11-02', org: 'acme', source: SOURCE, users: MIN_USERS, profile });

    expect(day.attacks.map((a) => a.detection)).toEqual(PROFILES[profile].attacks.map((s) => s.detection));
    expect(day.attacks.every((a) => a.uuids.length > 0)).toBe(true);
  });
});

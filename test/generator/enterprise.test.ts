import { streamDay } from '../../local/generator';
import { benignTraffic } from '../../local/generator/benign';
import { startDay, type DayEvent } from '../../local/generator/day';
import { PROFILES } from '../../local/generator/profile';
import { provisioningBurst } from '../../local/generator/provisioning';
import { resolveCatalog } from '../../src/detections/catalog';
import { haversineKm } from '../../src/detections/kit/geo';
import { detectAll } from '../../src/detections/reorder';
import { normalize } from '../../src/okta/event';
import { logEvent } from '../../src/okta/fixtures';
import { HOUR, MINUTE } from '../../src/time';

const enterpriseDay = (users: number, seed = 3) => {
  const day = startDay({ day: '2026-11-02', org: 'big', seed, profile: PROFILES.enterprise });
  benignTraffic(day, users, seed);
  return day;
};
const signIns = (events: readonly DayEvent[]) => events.filter((e) => e.eventType === 'user.session.start');
const login = (e: DayEvent) => e.actor?.alternateId ?? '';

describe('day generator, enterprise profile: a 5,000-user benign day', () => {
  let events: DayEvent[];
  beforeAll(() => {
    events = enterpriseDay(5000).events;
  });

  it('given 5,000 users on a seed, when generated, then 3-6% of sign-ins fail and it is about 25-30 events per user', () => {
    const starts = signIns(events);

    const failed = starts.filter((e) => e.outcome === 'FAILURE').length / starts.length;

    expect(failed).toBeGreaterThan(0.03);
    expect(failed).toBeLessThan(0.06);
    expect(events.length / 5000).toBeGreaterThan(22);
    expect(events.length / 5000).toBeLessThan(32);
  });

  it('given a mistyped password, when the day goes on, then the same user signs in within minutes, nearly always from the same IP', () => {
    const successes = new Map<string, DayEvent[]>();
    for (const e of signIns(events)) if (e.outcome === 'SUCCESS') successes.set(login(e), [...(successes.get(login(e)) ?? []), e]);
    const mistyped = signIns(events).filter((e) => e.reason === 'INVALID_CREDENTIALS');
    const after = (f: DayEvent, within: number, sameIp: boolean) => (successes.get(login(f)) ?? []).some((s) => s.at > f.at && s.at - f.at < within && (!sameIp || s.place?.ip === f.place?.ip));

    const byUser = mistyped.filter((f) => after(f, 15 * MINUTE, false));
    const fromSameIp = mistyped.filter((f) => after(f, 5 * MINUTE, true));

    expect(mistyped.length).toBeGreaterThan(100);
    expect(byUser.length / mistyped.length).toBeGreaterThan(0.99);
    expect(fromSameIp.length / mistyped.length).toBeGreaterThan(0.85);
  });

  it('given the offices and the VPN, when generated, then one egress IP is shared by hundreds of people signing in', () => {
    const people = new Map<string, Set<string>>();
    for (const e of signIns(events)) people.set(e.place!.ip, (people.get(e.place!.ip) ?? new Set()).add(login(e)));

    const shared = [...people.values()].filter((p) => p.size >= 300);

    expect(shared.length).toBeGreaterThanOrEqual(3);
  });

  it('given service accounts, when generated, then each signs in every few minutes all day, with an SDK user agent', () => {
    const bySvc = new Map<string, number[]>();
    for (const e of signIns(events)) if (login(e).startsWith('svc-')) bySvc.set(login(e), [...(bySvc.get(login(e)) ?? []), e.at]);

    expect(bySvc.size).toBe(10);
    for (const times of bySvc.values()) {
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      expect(times.length).toBeGreaterThan(120);
      expect(Math.max(...gaps)).toBeLessThan(12 * MINUTE);
      expect(Math.min(...gaps)).toBeGreaterThan(2 * MINUTE);
    }
  });

  it('given the help desk, when generated, then it resets factors every day and each user enrols a new factor within the hour', () => {
    const resets = events.filter((e) => e.eventType === 'user.mfa.factor.reset_all');
    const enrolments = events.filter((e) => e.eventType === 'user.mfa.factor.activate');

    expect(resets.length).toBeGreaterThanOrEqual(5);
    for (const r of resets) {
      const user = r.target![0].alternateId;
      expect(login(r)).not.toBe(user);
      expect(enrolments.some((a) => login(a) === user && a.at > r.at && a.at - r.at < HOUR)).toBe(true);
    }
  });

  it('given travellers, when they fly to another office, then they sign in from the other city and never faster than an airliner', () => {
    const byUser = new Map<string, DayEvent[]>();
    for (const e of signIns(events)) if (e.outcome === 'SUCCESS') byUser.set(login(e), [...(byUser.get(login(e)) ?? []), e]);
    const hops = [...byUser.values()].flatMap((xs) => xs.sort((a, b) => a.at - b.at).slice(1).map((b, i) => ({ a: xs[i], b, km: haversineKm(xs[i].place!, b.place!) })));

    const flights = hops.filter((h) => h.km > 500);

    expect(flights.length).toBeGreaterThanOrEqual(10);
    for (const f of flights) expect(f.km / ((f.b.at - f.a.at) / HOUR)).toBeLessThan(900);
  });
});

describe('day generator, enterprise profile: the HR import', () => {
  it('given a 20,000-user org, when the HR import runs, then hundreds of accounts are created within one hour', () => {
    const day = startDay({ day: '2026-11-02', org: 'big', seed: 3, profile: PROFILES.enterprise });

    provisioningBurst(day, 20000, PROFILES.enterprise.org);

    const creates = day.events.filter((e) => e.eventType === 'user.lifecycle.create').map((e) => e.at);
    expect(creates.length).toBeGreaterThanOrEqual(200);
    expect(Math.max(...creates) - Math.min(...creates)).toBeLessThan(HOUR);
  });
});

describe('day generator, enterprise profile: attacks in a large day', () => {
  it('given a 5,000-user day with the attacks, when the detections they target run, then each finds its attack among the org\'s own traffic', () => {
    const day = streamDay({ day: '2026-11-02', org: 'big', source: 'aws.partner/okta.com/big/vigil', users: 5000, seed: 3, profile: 'enterprise' });
    const targeted = resolveCatalog().filter((r) => day.attacks.some((a) => a.detection === r.detection.id));
    const types = new Set(targeted.flatMap((r) => r.detection.eventTypes));

    const relevant = [];
    for (const e of day.events) if (types.has(e.eventType)) relevant.push(normalize(e));
    const findings = detectAll(targeted, relevant);

    expect(day.attacks.map((a) => a.detection)).toContain('okta-password-spray-distributed');
    for (const a of day.attacks) expect([a.name, findings.some((f) => f.detectionId === a.detection && f.eventUuids.some((u) => a.uuids.includes(u)))]).toEqual([a.name, true]);
  });

  it('given the same seed twice, when a 500-user enterprise day is generated, then it is the same day', () => {
    const a = enterpriseDay(500, 9).events;
    const b = enterpriseDay(500, 9).events;

    expect(JSON.stringify(b.map(logEvent))).toBe(JSON.stringify(a.map(logEvent)));
  });
});

describe('day generator: the demo profile', () => {
  it('given the demo profile, when a day is generated, then it has none of the large-org behaviours', () => {
    const day = startDay({ day: '2026-11-02', org: 'acme', seed: 42, profile: PROFILES.demo });

    benignTraffic(day, 300, 42);

    expect(day.events.some((e) => login(e).startsWith('svc-') || e.eventType === 'user.mfa.factor.reset_all')).toBe(false);
  });
});

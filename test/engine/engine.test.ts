import { resolveCatalog } from '../../src/detections/catalog';
import { DetectionEngine, findingId } from '../../src/detections/engine';
import { detectAll, StreamingDetector } from '../../src/detections/reorder';
import type { ResolvedDetection } from '../../src/detections/types';
import { normalize } from '../../src/okta/event';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { generateDay } from '../../local/generator';

const bruteForce = resolveCatalog().filter((r) => r.detection.id === 'okta-brute-force-user');
const fail = (login: string, at: number) => normalize(logEvent({ eventType: 'user.session.start', at, actor: userActor(person(login)), place: PLACES.lagos, outcome: 'FAILURE' }));

describe('detection engine', () => {
  it('given state exported at the end of one hour, when the next hour starts from it, then a window across the boundary is detected', () => {
    const events = Array.from({ length: 20 }, (_, i) => fail('a@x.example', minutes('2026-11-02T09:50:00Z', i)));
    const first = new DetectionEngine(bruteForce, { emitTo: Date.parse('2026-11-02T10:00:00Z') });
    expect(events.filter((e) => e.time < Date.parse('2026-11-02T10:00:00Z')).flatMap((e) => first.process(e))).toEqual([]);
    const second = new DetectionEngine(bruteForce, { emitFrom: Date.parse('2026-11-02T10:00:00Z') });
    for (const s of first.export()) second.load(s);
    const found = events.filter((e) => e.time >= Date.parse('2026-11-02T10:00:00Z')).flatMap((e) => second.process(e));
    expect(found).toHaveLength(1);
    expect(found[0].windowStart).toBe('2026-11-02T09:50:00.000Z');
  });

  it('given a detection that throws on one event, when the events run, then the other detections, and it on the other events, go on, and the pair is recorded', () => {
    const events = Array.from({ length: 25 }, (_, i) => fail('b@x.example', minutes('2026-11-02T09:00:00Z', i)));
    const poisoned = events[3].uuid;
    const [bf] = bruteForce;
    const throwing: ResolvedDetection = {
      detection: {
        ...bf.detection,
        id: 'test-throws-on-one-event',
        step: (s, e, p) => {
          if (e.uuid === poisoned) throw new TypeError('cannot read properties of undefined');
          return bf.detection.step(s, e, p);
        },
      },
      params: bf.params,
    };
    const engine = new DetectionEngine([throwing, bf]);

    const found = events.flatMap((e) => engine.process(e));

    expect(found.map((f) => f.detectionId).sort()).toEqual(['okta-brute-force-user', 'test-throws-on-one-event']);
    expect(engine.failures).toEqual([{ detectionId: 'test-throws-on-one-event', eventUuid: poisoned, published: events[3].published, message: 'cannot read properties of undefined' }]);
  });

  it('given a finding, then its id is stable for detection, key and hour of the triggering event', () => {
    const t = Date.parse('2026-11-02T09:10:00Z');
    expect(findingId('d', 'k', t)).toBe(findingId('d', 'k', t + 40 * 60_000));
    expect(findingId('d', 'k', t)).not.toBe(findingId('d', 'k', t + 60 * 60_000));
  });

  it('given a long stream of many short-lived subjects, when streamed, then memory holds only the active ones', () => {
    const s = new StreamingDetector(resolveCatalog(), { dedupWindow: 10_000 });
    let peak = 0;
    for (let i = 0; i < 20_000; i++) {
      s.push(fail(`user${i}@x.example`, Date.parse('2026-11-02T00:00:00Z') + i * 30_000)); // a new user every 30 s, ~7 days
      peak = Math.max(peak, s.engine.activeKeys);
    }
    s.flush();
    expect(s.stats.events).toBe(20_000);
    // Keys live for their detection's window (at most a day here), not for the whole week.
    expect(peak).toBeLessThan(20_000 / 3);
  });
});

describe('catalog on a realistic benign day', () => {
  it('given hundreds of users working normally (mistyped passwords, rejected pushes included), when the whole catalog runs, then it raises no findings, only info records of requests ThreatInsight blocked', () => {
    const day = generateDay({ day: '2026-11-02', org: 'benign', source: 'aws.partner/okta.com/benign/vigil', users: 400, attacks: false, seed: 7 });
    const findings = detectAll(resolveCatalog(), day.events.map(normalize));
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.detectionId}: ${f.summary}`)).toEqual([]);
    expect(findings.filter((f) => f.severity === 'info').every((f) => f.detectionId === 'okta-threatinsight-threat-detected' && f.summary.startsWith('ThreatInsight blocked'))).toBe(true);
    expect(day.events.length).toBeGreaterThan(5000);
  });

  it('given a benign day, then it has what makes one hard: shared egress IPs with typos, carrier addresses, concurrent phone sessions, new hires, admin work, Okta system events; and it is the same for the same seed', () => {
    const opts = { day: '2026-11-02', org: 'benign', source: 'aws.partner/okta.com/benign/vigil', users: 400, attacks: false, seed: 7 };
    const day = generateDay(opts);
    expect(JSON.stringify(generateDay(opts).events)).toBe(JSON.stringify(day.events));
    const signIns = day.events.filter((e) => e.eventType === 'user.session.start');
    const perIp = new Map<string, { users: Set<string>; failed: Set<string> }>();
    for (const e of signIns) {
      const x = perIp.get(e.client!.ipAddress!) ?? { users: new Set<string>(), failed: new Set<string>() };
      x.users.add(e.actor!.alternateId!);
      if (e.outcome!.result === 'FAILURE') x.failed.add(e.actor!.alternateId!);
      perIp.set(e.client!.ipAddress!, x);
    }
    // Office NATs and VPN egresses: dozens of users each, many of them mistyping a password there during the day.
    const shared = [...perIp.values()].filter((x) => x.users.size >= 30);
    expect(shared.length).toBeGreaterThanOrEqual(4);
    expect(shared.reduce((n, x) => n + x.failed.size, 0)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...shared.map((x) => x.failed.size))).toBeGreaterThanOrEqual(10);
    // Unknown usernames (typos of the login), carrier IPv6 addresses, phones and laptops in concurrent sessions.
    expect(signIns.some((e) => e.actor!.id === 'unknown')).toBe(true);
    expect(signIns.some((e) => e.client!.ipAddress!.includes(':') && e.outcome!.result === 'SUCCESS')).toBe(true);
    expect(signIns.filter((e) => e.client!.device === 'Mobile' && e.outcome!.result === 'SUCCESS').length).toBeGreaterThan(100);
    const types = new Set(day.events.map((e) => e.eventType));
    for (const t of ['policy.evaluate_sign_on', 'user.session.end', 'system.email.delivery', 'system.email.mfa_enroll_notification.sent_message', 'user.lifecycle.activate', 'user.account.update_password', 'user.mfa.factor.activate', 'user.session.access_admin_app', 'user.account.reset_password', 'security.threat.detected']) {
      expect(types).toContain(t);
    }
    // New hires sign in the day their account is created.
    const created = new Set(day.events.filter((e) => e.eventType === 'user.lifecycle.activate').map((e) => e.target![0].alternateId));
    expect(signIns.filter((e) => created.has(e.actor!.alternateId) && e.outcome!.result === 'SUCCESS').length).toBeGreaterThanOrEqual(created.size);
  });

  it('given the same day with attacks, when the catalog runs, then every injected attack is found', () => {
    const day = generateDay({ day: '2026-11-02', org: 'acme', source: 'aws.partner/okta.com/acme/vigil', users: 300 });
    const ids = new Set(detectAll(resolveCatalog(), day.events.map(normalize)).map((f) => f.detectionId));
    for (const id of ['okta-brute-force-user', 'okta-password-spray-ip', 'okta-mfa-push-fatigue', 'okta-admin-role-granted']) expect(ids).toContain(id);
  });
});

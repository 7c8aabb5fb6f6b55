import { resolveCatalog } from '../../src/detections/catalog';
import { DetectionEngine, detectAll, findingId, StreamingDetector } from '../../src/detections/engine';
import { normalize } from '../../src/okta/event';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { generateDay } from '../../local/generator';

const bruteForce = resolveCatalog().filter((r) => r.detection.id === 'okta-brute-force-user');
const fail = (login: string, at: number) => normalize(logEvent({ eventType: 'user.session.start', at, actor: userActor(person(login)), place: PLACES.lagos, outcome: 'FAILURE' }));

describe('detection engine', () => {
  it('given the same events in a different order, when detected, then the findings are identical', () => {
    const events = Array.from({ length: 25 }, (_, i) => fail('a@x.example', minutes('2026-11-02T09:00:00Z', i)));
    const shuffled = [...events].sort((a, b) => a.uuid.localeCompare(b.uuid));
    expect(detectAll(bruteForce, shuffled)).toEqual(detectAll(bruteForce, events));
  });

  it('given the same event delivered twice, when streamed, then it counts once', () => {
    const events = Array.from({ length: 19 }, (_, i) => fail('a@x.example', minutes('2026-11-02T09:00:00Z', i)));
    const s = new StreamingDetector(bruteForce);
    const found = [...events, events[3]].flatMap((e) => s.push(e)).concat(s.flush());
    expect(found).toEqual([]);
    expect(s.stats.duplicates).toBe(1);
  });

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
  it('given hundreds of users working normally (mistyped passwords, rejected pushes included), when the whole catalog runs, then it raises no findings', () => {
    const day = generateDay({ day: '2026-11-02', org: 'benign', source: 'aws.partner/okta.com/benign/vigil', users: 400, attacks: false, seed: 7 });
    const findings = detectAll(resolveCatalog(), day.events.map(normalize));
    expect(findings.map((f) => `${f.detectionId}: ${f.summary}`)).toEqual([]);
    expect(day.events.length).toBeGreaterThan(5000);
  });

  it('given the same day with attacks, when the catalog runs, then every injected attack is found', () => {
    const day = generateDay({ day: '2026-11-02', org: 'acme', source: 'aws.partner/okta.com/acme/vigil', users: 300 });
    const ids = new Set(detectAll(resolveCatalog(), day.events.map(normalize)).map((f) => f.detectionId));
    for (const id of ['okta-brute-force-user', 'okta-password-spray-ip', 'okta-mfa-push-fatigue', 'okta-admin-role-granted']) expect(ids).toContain(id);
  });
});

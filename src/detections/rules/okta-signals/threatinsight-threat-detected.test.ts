import { normalize } from '../../../okta/event';
import { minutes, person, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type ThreatInsightParams } from './threatinsight-threat-detected';
import { threat } from './threatinsight-threat-detected.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-10T04:12:00Z';
const run = (events: OktaLogEvent[], params: Partial<ThreatInsightParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-threatinsight-threat-detected', () => {
  it('given a password spray ThreatInsight let through (log-only mode), when run, then one finding about the IP with the category and details', () => {
    const [f] = run([threat(minutes(T0, 0))]);
    expect(f.subject).toEqual({ type: 'ip', id: PLACES.lagos.ip, display: PLACES.lagos.ip });
    expect(f.summary).toContain('Password Spray');
    expect(f.context?.reason).toBe('Password Spray');
    expect(String(f.context?.threatDetections)).toContain('HIGH');
    expect(f.mode).toBe('near-time');
  });

  it('given the targeted user is named, when run, then the summary says who was targeted', () => {
    const [f] = run([threat(minutes(T0, 0), { actor: userActor(person('ahmed.khan@example.com')) })]);
    expect(f.summary).toContain('ahmed.khan@example.com');
  });

  it('given a blocked request (DENY), when run, then an info finding that says it was blocked; an allowed one stays high', () => {
    const [blocked] = run([threat(minutes(T0, 0), { outcome: 'DENY' })]);
    expect(blocked.severity).toBe('info');
    expect(blocked.summary).toMatch(/^ThreatInsight blocked 192\.0\.2\.44/);
    const [allowed] = run([threat(minutes(T0, 0))]);
    expect(allowed.severity).toBe('high');
    expect(allowed.summary).toMatch(/^ThreatInsight flagged/);
  });

  it('given a blocked request (DENY), when the tenant turns includeBlocked off, then quiet', () => {
    expect(run([threat(minutes(T0, 0), { outcome: 'DENY' })], { includeBlocked: false })).toHaveLength(0);
  });

  it('given one IP flagged all afternoon, when run, then one finding per hour', () => {
    expect(run([0, 20, 40, 60, 80, 130].map((n) => threat(minutes(T0, n))))).toHaveLength(3);
  });

  it('given the tenant ignores a category, when another category arrives, then only that one fires', () => {
    const events = [threat(minutes(T0, 0), { reason: 'Login failures' }), threat(minutes(T0, 1), { reason: 'Password Spray', place: PLACES.moscow })];
    const findings = run(events, { ignoreReasons: ['Login failures'] });
    expect(findings).toHaveLength(1);
    expect(findings[0].context?.reason).toBe('Password Spray');
  });

  it('given a ThreatInsight event without client (client {}), when run, then the org is the subject', () => {
    const [f] = run([withQuirks(threat(minutes(T0, 0)))]);
    expect(f.subject).toEqual({ type: 'org', id: 'org', display: 'Okta org' });
  });

  it('given an allow-listed IP, when run, then quiet', () => {
    expect(run([threat(minutes(T0, 0))], { allowedIps: [`${PLACES.lagos.ip}/32`] })).toHaveLength(0);
  });
});

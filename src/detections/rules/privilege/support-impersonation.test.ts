import { normalize } from '../../../okta/event';
import { minutes, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { ADMIN } from '../../fixture-builders/admin';
import { impersonation } from '../../fixture-builders/support';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './support-impersonation';

const T0 = '2026-11-08T15:00:00Z';

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-support-impersonation', () => {
  it('is registered in the privilege category, near-time, high, T1199', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.mode).toBe('near-time');
    expect(detection.mitre.technique).toBe('T1199');
    expect([...detection.eventTypes].sort()).toEqual(['user.session.impersonation.extend', 'user.session.impersonation.grant', 'user.session.impersonation.initiate']);
  });

  it('given a Super Admin grants support access, when detected, then one finding on the org naming the grantor', () => {
    const [f] = run([impersonation('grant', T0)]);
    expect(f.subject).toEqual({ type: 'org', id: 'okta-support-access', display: 'Okta Support access to the org' });
    expect(f.summary).toBe(`${ADMIN.login} granted Okta Support access to the org`);
  });

  it('given a support engineer starts a session as an admin, when detected, then one finding on the impersonated user', () => {
    const [f] = run([impersonation('initiate', T0)]);
    expect(f.subject).toEqual({ type: 'user', id: ADMIN.id, display: ADMIN.login });
    expect(f.context?.stage).toBe('initiate');
  });

  it('given grant then extend in the same hour, when detected, then one org finding; extend the next day, a second', () => {
    expect(run([impersonation('grant', T0), impersonation('extend', minutes(T0, 30))])).toHaveLength(1);
    expect(run([impersonation('grant', T0), impersonation('extend', minutes(T0, 60 * 24))])).toHaveLength(2);
  });

  it('given revoke and end, when detected, then quiet', () => {
    expect(run([impersonation('revoke', T0), impersonation('end', T0)])).toHaveLength(0);
  });

  it('given an approved grantor, when they grant, then quiet; the session it enables still fires', () => {
    const events = [impersonation('grant', T0), impersonation('initiate', minutes(T0, 10))];
    const findings = run(events, { approvedGrantors: [ADMIN.login] });
    expect(findings.map((f) => f.context?.stage)).toEqual(['initiate']);
  });

  it('given stages narrowed to grant, when a session starts, then quiet', () => {
    expect(run([impersonation('initiate', T0)], { stages: ['grant'] })).toHaveLength(0);
  });

  it('given a failed grant, when detected, then a medium finding that says it failed and why', () => {
    const failed = { ...impersonation('grant', T0), outcome: { result: 'FAILURE', reason: 'Insufficient permissions' } };
    const [f, ...rest] = run([failed]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('medium');
    expect(f.summary).toBe(`${ADMIN.login} tried to grant Okta Support access to the org, and it failed (Insufficient permissions)`);
    expect(run([failed], { includeFailures: false })).toHaveLength(0);
  });

  it('given a granted session and a failed one in the same hour, when detected, then both are reported', () => {
    const failed = { ...impersonation('initiate', minutes(T0, 5)), outcome: { result: 'FAILURE', reason: 'Impersonation grant not active' } };
    expect(run([impersonation('initiate', T0), failed]).map((f) => f.severity)).toEqual(['high', 'medium']);
  });

  it('given quirky events, when detected, then no throw', () => {
    expect(() => run([withQuirks(impersonation('initiate', T0), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).not.toThrow();
  });
});

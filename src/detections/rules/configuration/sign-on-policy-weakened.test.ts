import { normalize } from '../../../okta/event';
import { minutes, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { AUTOMATION } from '../../fixture-builders/admin';
import { appSignOnAction, globalSessionAction, policyEvent, ruleAction } from '../../fixture-builders/policy';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import type { SignOnPolicyParams } from './sign-on-policy';
import modified from './sign-on-policy-modified';
import detection from './sign-on-policy-weakened';

const T0 = '2026-11-03T16:40:00Z';

function run(events: OktaLogEvent[], params: Partial<SignOnPolicyParams> = {}, d: Detection<any, any> = detection) {
  return detectAll([{ detection: d as Detection<Params, unknown>, params: { ...d.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-sign-on-policy-weakened', () => {
  it('is registered in the configuration category, near-time and high', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.mode).toBe('near-time');
    expect(detection.severity).toBe('high');
  });

  it('given an authentication policy rule changed from 2FA to 1FA, when detected, then one finding names the rule and the downgrade', () => {
    const [f, ...rest] = run([policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', name: 'Okta Admin Console', rule: 'Admins', change: { from: appSignOnAction('2FA'), to: appSignOnAction('1FA') } })]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7', display: 'Okta Admin Console / Admins' });
    expect(f.context?.weakenings).toEqual(['mfa-downgraded']);
    expect(f.summary).toContain('mfa-downgraded');
  });

  it('given DENY turned into ALLOW, when detected, then it fires with deny-to-allow', () => {
    const [f] = run([policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from: appSignOnAction('2FA', 'DENY'), to: appSignOnAction('2FA', 'ALLOW') } })]);
    expect(f.context?.weakenings).toEqual(['deny-to-allow']);
  });

  it('given changeDetails sent as one JSON string (double-encoded), when detected, then it is still read', () => {
    const e = policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn' }) as unknown as { target: Record<string, unknown>[] };
    e.target[1] = { ...e.target[1], changeDetails: JSON.stringify({ from: globalSessionAction(true), to: globalSessionAction(false) }) };
    const [f] = run([e as unknown as OktaLogEvent]);
    expect(f.context?.weakenings).toEqual(['mfa-no-longer-required']);
  });

  it.each(['policy.lifecycle.deactivate', 'policy.lifecycle.delete', 'policy.rule.deactivate', 'policy.rule.delete'])(
    'given %s on a global session policy, when detected, then it fires',
    (eventType) => {
      expect(run([policyEvent({ eventType, at: T0, type: 'OktaSignOn' })])).toHaveLength(1);
    },
  );

  it('given a policy set INACTIVE through policy.lifecycle.update, when detected, then it fires as deactivated', () => {
    const [f] = run([policyEvent({ eventType: 'policy.lifecycle.update', at: T0, type: 'OktaSignOn', change: { from: { status: 'ACTIVE' }, to: { status: 'INACTIVE' } } })]);
    expect(f.context?.weakenings).toEqual(['deactivated']);
  });

  it('given a tightening or an update without before/after values, when detected, then it stays quiet and the modified rule takes it', () => {
    const events = [
      policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from: appSignOnAction('1FA'), to: appSignOnAction('2FA') } }),
      policyEvent({ eventType: 'policy.rule.update', at: minutes(T0, 90), type: 'OktaSignOn' }),
    ];
    expect(run(events)).toHaveLength(0);
    expect(run(events, {}, modified)).toHaveLength(2);
  });

  it('given an unrelated change inside the action JSON, when detected, then it stays quiet', () => {
    const from = ruleAction({ appSignOn: { access: 'ALLOW', verificationMethod: { factorMode: '2FA', reauthenticateIn: 'PT2H' } } });
    const to = ruleAction({ appSignOn: { access: 'ALLOW', verificationMethod: { factorMode: '2FA', reauthenticateIn: 'PT12H' } } });
    expect(run([policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from, to } })])).toHaveLength(0);
  });

  it('given a password policy deleted, when detected with defaults, then quiet; when the tenant adds PASSWORD to policyTypes, then it fires', () => {
    const e = policyEvent({ eventType: 'policy.lifecycle.delete', at: T0, type: 'Password' });
    expect(run([e])).toHaveLength(0);
    expect(run([e], { policyTypes: ['OKTA_SIGN_ON', 'PASSWORD'] })).toHaveLength(1);
  });

  it('given no policy type in the event, when detected, then unknown types are in scope unless the tenant turns that off', () => {
    const e = policyEvent({ eventType: 'policy.rule.delete', at: T0, type: null });
    expect(run([e])).toHaveLength(1);
    expect(run([e], { includeUnknownPolicyTypes: false })).toHaveLength(0);
  });

  it('given a failed attempt, an allow-listed actor or an ignored policy, when detected, then quiet', () => {
    expect(run([policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'OktaSignOn', outcome: 'FAILURE' })])).toHaveLength(0);
    expect(run([policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'OktaSignOn', actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.id] })).toHaveLength(0);
    expect(run([policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'OktaSignOn', name: 'Sandbox' })], { ignorePolicyNames: ['SANDBOX'] })).toHaveLength(0);
  });

  it('given a null target (Okta quirk), when detected, then it does not throw and keys on the event', () => {
    const e = withQuirks(policyEvent({ eventType: 'policy.lifecycle.delete', at: T0 }), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true });
    const [f] = run([e]);
    expect(f.subject.id).toMatch(/^event:/);
  });
});

import { normalize } from '../../../okta/event';
import { minutes } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { appSignOnAction, policyEvent } from '../../fixture-builders/policy';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import type { SignOnPolicyParams } from './sign-on-policy';
import detection from './sign-on-policy-modified';

const T0 = '2026-11-03T10:15:00Z';

function run(events: OktaLogEvent[], params: Partial<SignOnPolicyParams> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-sign-on-policy-modified', () => {
  it('is registered in the configuration category, hourly and medium', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.mode).toBe('hourly');
    expect(detection.severity).toBe('medium');
  });

  it('given a rule added to an authentication policy, when detected, then one finding naming the new rule (and okta-sign-on-policy-weakened stays quiet)', () => {
    const e = policyEvent({ eventType: 'policy.rule.add', at: T0, type: 'AccessPolicy', name: 'Okta Dashboard', rule: 'Contractors: password only' });
    const [f, ...rest] = run([e]);
    expect(rest).toHaveLength(0);
    expect(f.summary).toBe('it.admin@example.com added rule Okta Dashboard / Contractors: password only to a sign-on policy');
    expect(run([policyEvent({ eventType: 'policy.rule.add', at: T0, type: 'Password' })])).toHaveLength(0);
  });

  it('given a sign-on policy rule update whose effect is not logged, when detected, then one medium finding on the rule', () => {
    const [f, ...rest] = run([policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn', name: 'Default Policy', rule: 'Default Rule' })]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('medium');
    expect(f.subject.display).toBe('Default Policy / Default Rule');
    expect(f.context?.changeDetails).toBe(false);
  });

  it('given a weakening update, when detected, then quiet (okta-sign-on-policy-weakened reports it)', () => {
    expect(run([policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from: appSignOnAction('2FA'), to: appSignOnAction('1FA') } })])).toHaveLength(0);
  });

  it('given deactivations and deletions, when detected, then quiet (not listened to here)', () => {
    expect(detection.eventTypes).toEqual(['policy.rule.update', 'policy.lifecycle.update', 'policy.rule.add']);
    expect(run([policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'OktaSignOn' })])).toHaveLength(0);
  });

  it('given three edits of the same rule within an hour, when detected, then one finding; a fourth two hours later is another', () => {
    const e = (n: number) => policyEvent({ eventType: 'policy.rule.update', at: minutes(T0, n), type: 'OktaSignOn' });
    expect(run([e(0), e(10), e(20)])).toHaveLength(1);
    expect(run([e(0), e(10), e(20), e(140)])).toHaveLength(2);
  });

  it('given an MFA enrollment policy update, when detected with defaults, then it fires; when the tenant narrows policyTypes, then quiet', () => {
    const e = policyEvent({ eventType: 'policy.lifecycle.update', at: T0, type: 'MfaEnroll', name: 'Authenticator enrollment' });
    expect(run([e])).toHaveLength(1);
    expect(run([e], { policyTypes: ['OKTA_SIGN_ON'] })).toHaveLength(0);
  });
});

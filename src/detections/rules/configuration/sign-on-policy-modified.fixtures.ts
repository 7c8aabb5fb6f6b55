import { appSignOnAction, globalSessionAction, policyEvent } from '../../fixture-builders/policy';
import { fixtureTable } from '../../fixture-table';
import detection from './sign-on-policy-modified';

const T0 = '2026-11-03T10:15:00Z';

export default fixtureTable(detection, {
  positive: [
    { name: 'global session policy rule updated, effect not in the event', events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn' })], expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }] },
    {
      name: 'authentication policy rule tightened (still a change to review)',
      events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from: appSignOnAction('1FA'), to: appSignOnAction('2FA') } })],
      expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }],
    },
    { name: 'rule added to an authentication policy', events: [policyEvent({ eventType: 'policy.rule.add', at: T0, type: 'AccessPolicy', rule: 'Contractors: password only' })], expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }] },
    { name: 'sign-on policy itself updated', events: [policyEvent({ eventType: 'policy.lifecycle.update', at: T0, type: 'OktaSignOn', name: 'Contractors' })], expect: [{ subject: { type: 'policy', id: '00p1a2b3c4GlobalSes4x7' } }] },
  ],
  negative: [
    {
      name: 'a weakening update is left to okta-sign-on-policy-weakened',
      events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn', change: { from: globalSessionAction(true), to: globalSessionAction(false) } })],
      expect: [],
    },
    { name: 'password policy rule updated', events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'Password' })], expect: [] },
    { name: 'ignored sandbox policy', events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn', name: 'Sandbox' })], expect: [], params: { ignorePolicyNames: ['sandbox'] } },
  ],
});

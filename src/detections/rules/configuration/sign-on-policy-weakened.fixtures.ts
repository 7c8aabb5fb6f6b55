import { userActor } from '../../../okta/fixtures';
import { AUTOMATION } from '../../fixture-builders/admin';
import { appSignOnAction, globalSessionAction, policyEvent } from '../../fixture-builders/policy';
import { fixtureTable } from '../../fixture-table';
import detection from './sign-on-policy-weakened';

const T0 = '2026-11-03T16:40:00Z';

export default fixtureTable(detection, {
  positive: [
    {
      name: 'authentication policy rule downgraded from 2FA to 1FA',
      events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', name: 'Okta Admin Console', rule: 'Admins', change: { from: appSignOnAction('2FA'), to: appSignOnAction('1FA') } })],
      expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }],
    },
    {
      name: 'global session policy rule no longer requires MFA',
      events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn', change: { from: globalSessionAction(true), to: globalSessionAction(false) } })],
      expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }],
    },
    { name: 'global session policy deactivated', events: [policyEvent({ eventType: 'policy.lifecycle.deactivate', at: T0, type: 'OktaSignOn', name: 'Contractors' })], expect: [{ subject: { type: 'policy', id: '00p1a2b3c4GlobalSes4x7' } }] },
    { name: 'authentication policy rule deleted', events: [policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'AccessPolicy', name: 'Salesforce', rule: 'Deny outside US' })], expect: [{ subject: { type: 'policy', id: '0pr1a2b3c4MfaOutHq4x7' } }] },
  ],
  negative: [
    {
      name: 'rule tightened from 1FA to 2FA',
      events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'AccessPolicy', change: { from: appSignOnAction('1FA'), to: appSignOnAction('2FA') } })],
      expect: [],
    },
    { name: 'update without before/after values (left to okta-sign-on-policy-modified)', events: [policyEvent({ eventType: 'policy.rule.update', at: T0, type: 'OktaSignOn' })], expect: [] },
    { name: 'password policy deactivated (not a sign-on policy)', events: [policyEvent({ eventType: 'policy.lifecycle.deactivate', at: T0, type: 'Password', name: 'Legacy password policy' })], expect: [] },
    { name: 'failed delete attempt', events: [policyEvent({ eventType: 'policy.rule.delete', at: T0, type: 'OktaSignOn', outcome: 'FAILURE' })], expect: [] },
    {
      name: 'deactivation by an allow-listed automation account',
      events: [policyEvent({ eventType: 'policy.lifecycle.deactivate', at: T0, type: 'OktaSignOn', actor: userActor(AUTOMATION) })],
      expect: [],
      params: { allowedActors: [AUTOMATION.login] },
    },
  ],
});

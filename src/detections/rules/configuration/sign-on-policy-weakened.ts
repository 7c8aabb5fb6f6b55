import { actorContext, actorLabel } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';
import { policySubject, readPolicyChange, REMOVALS, SIGN_ON_POLICY_TYPES, UPDATES } from './sign-on-policy';

/** A sign-on policy or rule deactivated, deleted, or updated in a way that lowers the bar to sign in. */
export default singleEvent({
  id: 'okta-sign-on-policy-weakened',
  title: 'Sign-on policy weakened, deactivated or deleted',
  description:
    'A global session (OKTA_SIGN_ON), authentication (ACCESS_POLICY) or MFA enrollment policy or rule was deactivated or deleted ' +
    '(`policy.lifecycle.deactivate/delete`, `policy.rule.deactivate/delete`), or updated so that sign-on gets weaker, read from the ' +
    "rule's before/after values (`target[].changeDetails`): MFA downgraded from 2FA to 1FA, MFA no longer required, DENY turned into " +
    'ALLOW, or the policy set INACTIVE. Attackers with admin access loosen sign-on so stolen passwords work without MFA.',
  severity: 'high',
  mitre: { tactic: 'Defense Evasion', technique: 'T1556.009', name: 'Modify Authentication Process: Conditional Access Policies' },
  mode: 'near-time',
  eventTypes: [...Object.keys(REMOVALS), ...UPDATES],
  defaults: { policyTypes: SIGN_ON_POLICY_TYPES, includeUnknownPolicyTypes: true, allowedActors: [] as readonly string[], ignorePolicyNames: [] as readonly string[] },
  match(e, p) {
    const c = readPolicyChange(e, p);
    if (!c || c.weakenings.length === 0) return undefined;
    const subject = policySubject(e, c);
    return {
      subject,
      summary: `${actorLabel(e)} weakened sign-on policy ${subject.display ?? subject.id}: ${c.weakenings.join(', ')}`,
      context: { ...actorContext(e), eventType: e.eventType, policyType: c.policyType, policy: c.policy?.displayName, rule: c.rule?.displayName, weakenings: c.weakenings },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned policy rework that removes a rule before adding its replacement',
  ],
  runbook: {
    check: [
      'The rule or policy before and after (MFA requirement, network conditions)',
      'The change request and the admin\'s session',
    ],
    act: [
      'Restore the previous policy; review sign-ins the weaker policy let through',
    ],
  },
  references: [
    'okta/customer-detections authentication_policy_mfa_downgrade (policy.rule.update, changeDetails factorMode 2FA -> 1FA)',
    'Sigma okta_policy_rule_modified_or_deleted, okta_policy_modified_or_deleted (every update/delete, no weakening check)',
    'Elastic "Attempt to Deactivate an Okta Policy Rule" / "Deletion of an Okta Policy Rule"',
    'https://developer.okta.com/docs/reference/api/event-types/',
  ],
});

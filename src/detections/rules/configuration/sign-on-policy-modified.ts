import { actorContext, actorLabel } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';
import { ADDITIONS, policySubject, readPolicyChange, SIGN_ON_POLICY_TYPES, UPDATES } from './sign-on-policy';

/** Any other update to a sign-on policy or rule: worth a look, not proven weaker. */
export default singleEvent({
  id: 'okta-sign-on-policy-modified',
  title: 'Sign-on policy or rule modified',
  description:
    'A global session (OKTA_SIGN_ON), authentication (ACCESS_POLICY) or MFA enrollment policy or rule was updated ' +
    '(`policy.rule.update`, `policy.lifecycle.update`) and the before/after values do not show a weakening (those raise ' +
    '`okta-sign-on-policy-weakened` instead), or a rule was added to one (`policy.rule.add`). Changed group assignments, ' +
    'network zones or rule order can still open a gap, and a new rule placed first (ALLOW without MFA for one group) ' +
    'weakens sign-on without touching an existing rule, so changes by unexpected admins deserve a review.',
  severity: 'medium',
  mitre: { tactic: 'Defense Evasion', technique: 'T1556.009', name: 'Modify Authentication Process: Conditional Access Policies' },
  mode: 'hourly',
  eventTypes: [...UPDATES, ...ADDITIONS],
  defaults: { policyTypes: SIGN_ON_POLICY_TYPES, includeUnknownPolicyTypes: true, allowedActors: [] as readonly string[], ignorePolicyNames: [] as readonly string[] },
  match(e, p) {
    const c = readPolicyChange(e, p);
    if (!c || c.weakenings.length > 0) return undefined;
    const subject = policySubject(e, c);
    return {
      subject,
      summary: ADDITIONS.includes(e.eventType)
        ? `${actorLabel(e)} added rule ${subject.display ?? subject.id} to a sign-on policy`
        : `${actorLabel(e)} modified sign-on policy ${subject.display ?? subject.id}`,
      context: { ...actorContext(e), eventType: e.eventType, policyType: c.policyType, policy: c.policy?.displayName, rule: c.rule?.displayName, changeDetails: c.hasChangeDetails },
    };
  },
  status: 'stable',
  falsePositives: [
    'Routine policy edits by the identity team',
  ],
  runbook: {
    check: [
      'What changed and who changed it',
      'Whether okta-sign-on-policy-weakened also fired (a weaker requirement)',
    ],
    act: [
      'Confirm with the change owner; revert if unexplained',
    ],
  },
  references: ['Sigma okta_policy_rule_modified_or_deleted', 'Elastic "Attempt to Modify an Okta Policy Rule"', 'https://developer.okta.com/docs/reference/api/event-types/'],
});

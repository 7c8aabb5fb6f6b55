import { actorAllowed, actorContext, actorLabel, inList, named, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { changeDetails, weakenings } from '../../kit/change-details';
import { singleEvent } from '../../kit/single-event';

const ACTIONS: Readonly<Record<string, string>> = {
  'application.policy.sign_on.update': 'updated',
  'application.policy.sign_on.rule.create': 'added a rule to',
  'application.policy.sign_on.rule.delete': 'deleted a rule from',
};

/** An app's own sign-on policy (Okta Classic app sign-on rules) changed. */
export default singleEvent({
  id: 'okta-app-sign-on-policy-changed',
  title: 'Application sign-on policy changed',
  description:
    "An application's sign-on policy was updated or had a rule added or deleted (`application.policy.sign_on.update`, " +
    '`application.policy.sign_on.rule.create/delete`, the Okta Classic per-app rules). Adversaries loosen the rules of a ' +
    'high-value app (password manager, cloud console) to reach it without MFA. When the before/after values show a weakening ' +
    '(2FA to 1FA, DENY to ALLOW) it is named in `context.weakenings`. Identity Engine authentication policies are covered by ' +
    'okta-sign-on-policy-weakened / -modified (policy type ACCESS_POLICY).',
  severity: 'medium',
  mitre: { tactic: 'Defense Evasion', technique: 'T1556.009', name: 'Modify Authentication Process: Conditional Access Policies' },
  mode: 'hourly',
  eventTypes: Object.keys(ACTIONS),
  defaults: { allowedActors: [] as readonly string[], ignoreApps: [] as readonly string[] },
  match(e, p) {
    if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const app = targetOfType(e, ['AppInstance'], false);
    if (inList(app?.displayName, p.ignoreApps) || inList(app?.alternateId, p.ignoreApps)) return undefined;
    const rule = targetOfType(e, ['PolicyRule', 'Rule'], false);
    const weak = weakenings(changeDetails(e));
    const appLabel = app ? objectName(app) : 'an application';
    return {
      subject: app ? { type: 'app', id: app.id, display: objectName(app) } : { type: 'app', id: `event:${e.uuid}`, display: 'unknown application' },
      summary: `${actorLabel(e)} ${ACTIONS[e.eventType]} the sign-on policy of ${appLabel}${rule ? ` (${named('rule', rule)})` : ''}${weak.length ? `: ${weak.join(', ')}` : ''}`,
      context: { ...actorContext(e), eventType: e.eventType, app: app?.displayName, rule: rule?.displayName, weakenings: weak },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned change to an app\'s authentication policy',
  ],
  runbook: {
    check: [
      'The app, the policy before and after, and the admin',
    ],
    act: [
      'Restore the policy if unplanned; review sign-ins to the app since',
    ],
  },
  references: [
    'Sigma okta_application_sign_on_policy_modified_or_deleted (application.policy.sign_on.update, .rule.delete)',
    'Elastic "Modification or Removal of an Okta Application Sign-On Policy"',
    'https://developer.okta.com/docs/reference/api/event-types/',
  ],
});

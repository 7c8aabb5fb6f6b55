import { label } from '../../../okta/event';
import { succeeded } from '../../kit/admin-change';
import { safeRegex } from '../../kit/regex';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

const ADMIN_ROLE_PATTERN = '(super|org(anization)?|app|group|help ?desk|read[- ]only|api access management|mobile|report)?\\s*admin(istrator)?\\b';

/** An administrator role granted to a user; the grantee is the subject. */
export default singleEvent({
  id: 'okta-admin-role-granted',
  title: 'Administrator role granted to a user',
  description:
    'A user was granted an Okta administrator role (`user.account.privilege.grant` whose `debugData.privilegeGranted` names an admin role). Legitimate grants are rare; attackers grant themselves admin to persist.',
  severity: 'high',
  mitre: { tactic: 'Persistence', technique: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' },
  mode: 'near-time',
  eventTypes: ['user.account.privilege.grant'],
  defaults: { adminRolePattern: ADMIN_ROLE_PATTERN },
  match(e, p) {
    // A grant Okta refused (outcome FAILURE / DENY) granted nothing.
    if (!succeeded(e)) return undefined;
    const granted = e.debug('privilegeGranted');
    const grantee = e.target('User');
    if (!granted || !grantee) return undefined;
    // A tenant pattern that does not compile falls back to the default instead of failing every run.
    if (!(safeRegex(p.adminRolePattern) ?? safeRegex(ADMIN_ROLE_PATTERN))!.test(granted)) return undefined;
    return {
      subject: userSubject(grantee),
      summary: `${label(e.actor)} granted "${granted}" to ${label(grantee)}`,
      context: { privilegeGranted: granted, grantedBy: label(e.actor), ip: e.ip },
    };
  },
  status: 'stable',
  falsePositives: [
    'Onboarding a new admin through the change process',
  ],
  runbook: {
    check: [
      'The role granted (Super Administrator is the most serious), who granted it and from which session',
      'The grantee\'s recent sign-ins and MFA events',
    ],
    act: [
      'If unplanned: revoke the role, clear the grantee\'s sessions and review what they did with it',
    ],
  },
  references: ['panther-analysis okta_admin_role_assigned', 'Sigma okta_admin_role_assigned_to_user_or_group'],
});

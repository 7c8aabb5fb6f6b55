import { label } from '../../../okta/event';
import { singleEvent, userSubject } from '../../kit';
import { fixtures } from './admin-role-granted.fixtures';

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
  defaults: { adminRolePattern: '(super|org(anization)?|app|group|help ?desk|read[- ]only|api access management|mobile|report)?\\s*admin(istrator)?\\b' },
  match(e, p) {
    const granted = e.debug('privilegeGranted');
    const grantee = e.target('User');
    if (!granted || !grantee) return undefined;
    if (!new RegExp(p.adminRolePattern, 'i').test(granted)) return undefined;
    return {
      subject: userSubject(grantee),
      summary: `${label(e.actor)} granted "${granted}" to ${label(grantee)}`,
      context: { privilegeGranted: granted, grantedBy: label(e.actor), ip: e.ip },
    };
  },
  fixtures,
  references: ['panther-analysis okta_admin_role_assigned', 'Sigma okta_admin_role_assigned_to_user_or_group'],
});

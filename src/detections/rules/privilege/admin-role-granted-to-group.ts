import { actorAllowed, actorContext, actorLabel, inList, named, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { safeRegex } from '../../kit/regex';
import { singleEvent } from '../../kit/single-event';

/** An administrator role assigned to a group: every member, present and future, becomes an admin. */
export default singleEvent({
  id: 'okta-admin-role-granted-to-group',
  title: 'Administrator role granted to a group',
  description:
    'An Okta administrator role was assigned to a group (`group.privilege.grant`). Every current and future member of the ' +
    'group becomes an admin, so an attacker can grant admin to a group they can join (or already control) and escalate quietly ' +
    'through group membership instead of a visible user grant. The role is read from `debugData.privilegeGranted` (or the role target).',
  severity: 'high',
  mitre: { tactic: 'Persistence', technique: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' },
  mode: 'near-time',
  eventTypes: ['group.privilege.grant'],
  defaults: { rolePattern: '', allowedActors: [] as readonly string[], ignoreGroups: [] as readonly string[] },
  match(e, p) {
    if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const group = targetOfType(e, ['UserGroup', 'Group'], false);
    if (!group || inList(group.displayName, p.ignoreGroups) || inList(group.id, p.ignoreGroups)) return undefined;
    const roleTarget = targetOfType(e, ['Role', 'CUSTOM_ROLE', 'ROLE'], false);
    const role = e.debug('privilegeGranted') ?? roleTarget?.displayName;
    const only = safeRegex(p.rolePattern);
    if (only && !only.test(role ?? '')) return undefined;
    return {
      subject: { type: 'group', id: group.id, display: objectName(group) },
      summary: `${actorLabel(e)} granted ${role ? `"${role}"` : 'an admin role'} to ${named('group', group)}`,
      context: { ...actorContext(e), privilegeGranted: role, group: group.displayName },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned delegation of admin duties to a team group',
  ],
  runbook: {
    check: [
      'The group\'s members and who can change them (group rules, app push)',
      'Who granted the role and whether that admin\'s session looks normal',
    ],
    act: [
      'If unplanned: remove the role from the group, then review what group members did with it',
    ],
  },
  references: [
    'panther-analysis okta_group_admin_role_assigned (every group.privilege.grant)',
    'Elastic "Administrator Privileges Assigned to an Okta Group"',
    'Sigma okta_admin_role_assigned_to_user_or_group',
  ],
});

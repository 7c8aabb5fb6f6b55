import type { OktaEvent } from '../../../okta/event';
import { actorAllowed, actorContext, actorLabel, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';

/** What each event does to a custom admin role (role = permissions, resource set = what they apply to, binding = who holds them). */
const CHANGES: Readonly<Record<string, string>> = {
  'iam.role.create': 'role created',
  'iam.role.update': 'role updated',
  'iam.role.permissions.add': 'permissions added',
  'iam.role.permission.conditions.delete': 'permission conditions removed',
  'iam.resourceset.create': 'resource set created',
  'iam.resourceset.update': 'resource set updated',
  'iam.resourceset.resources.add': 'resources added to resource set',
  'iam.resourceset.resources.update': 'resource set resources updated',
  'iam.resourceset.bindings.add': 'role assigned (binding added)',
};

/** Okta permission names (`okta.users.credentials.manage`); not preceded by a dot or word character, so `acme.okta.emea.com` is no match. */
const PERMISSION = /(?<![\w.])okta\.[a-zA-Z]+(?:\.[a-zA-Z_]+)+/g;

/** Every string Okta put in debugData, for pattern searches (never throws on odd values). */
function debugText(e: OktaEvent): string {
  const data = e.raw.debugContext?.debugData;
  if (!data || typeof data !== 'object') return '';
  try {
    return JSON.stringify(data);
  } catch {
    return '';
  }
}

/** A custom admin role created or given more reach: a quieter path to admin than the built-in roles. */
export default singleEvent({
  id: 'okta-custom-admin-role-widened',
  title: 'Custom admin role created or widened',
  description:
    'A custom admin role was created, updated or given permissions, had permission conditions removed, or a resource set ' +
    'was created or extended, or a role/resource-set binding was added (`iam.role.*`, `iam.resourceset.*`). Custom roles ' +
    'with credential, user or policy management permissions are a stealthier way to hold admin power than Super Admin, ' +
    'and attackers add a sensitive resource to an existing set to widen a role without renaming it. Sensitive permission ' +
    'names found in the event are listed in `context.sensitivePermissions`.',
  severity: 'medium',
  mitre: { tactic: 'Privilege Escalation', technique: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' },
  mode: 'hourly',
  eventTypes: Object.keys(CHANGES),
  defaults: {
    allowedActors: [] as readonly string[],
    /** Report only changes that name one of these permissions (off by default: every change is reported). */
    onlySensitive: false,
    sensitivePermissions: [
      'okta.users.manage',
      'okta.users.credentials.manage',
      'okta.users.credentials.resetFactors',
      'okta.users.credentials.resetPassword',
      'okta.users.userprofile.manage',
      'okta.groups.manage',
      'okta.groups.members.manage',
      'okta.apps.manage',
      'okta.apps.assignment.manage',
      'okta.authzServers.manage',
      'okta.policies.manage',
      'okta.identityProviders.manage',
      'okta.customizations.manage',
    ] as readonly string[],
  },
  match(e, p) {
    const change = CHANGES[e.eventType];
    if (!change || !succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const role = targetOfType(e, ['CUSTOM_ROLE', 'CustomRole', 'ROLE', 'Role'], false);
    const set = targetOfType(e, ['RESOURCE_SET', 'ResourceSet'], false);
    const subjectParty = role ?? set ?? targetOfType(e, []);
    const text = [debugText(e), ...e.targets.flatMap((t) => [t.displayName ?? '', t.alternateId ?? ''])].join(' ');
    const permissions = [...new Set(text.match(PERMISSION) ?? [])];
    const sensitive = permissions.filter((x) => p.sensitivePermissions.some((s) => s.toLowerCase() === x.toLowerCase()));
    if (p.onlySensitive && sensitive.length === 0) return undefined;
    const what = role ? `role ${objectName(role)}` : set ? `resource set ${objectName(set)}` : 'a custom admin role';
    return {
      subject: subjectParty
        ? { type: 'role', id: subjectParty.id, display: objectName(subjectParty) }
        : { type: 'role', id: `event:${e.uuid}`, display: 'unknown custom role' },
      summary: `${actorLabel(e)}: ${change} on ${what}${sensitive.length ? ` (sensitive: ${sensitive.join(', ')})` : ''}`,
      context: { ...actorContext(e), eventType: e.eventType, change, role: role?.displayName, resourceSet: set?.displayName, permissions, sensitivePermissions: sensitive },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned change of a custom admin role\'s permissions',
  ],
  runbook: {
    check: [
      'The permissions added and the role\'s assignees',
      'The change request behind it',
    ],
    act: [
      'If unplanned: revert the permissions and review actions taken by the role\'s assignees since',
    ],
  },
  references: [
    'Sigma okta_admin_role_assignment_created (iam.resourceset.bindings.add)',
    'Okta Event Types catalog: iam.role.*, iam.resourceset.* (admin-role tag)',
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/RoleECustom/',
  ],
});

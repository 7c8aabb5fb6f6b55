import { userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './custom-admin-role-widened';

const T0 = '2026-11-06T18:20:00Z';
type P = { allowedActors: readonly string[]; onlySensitive: boolean; sensitivePermissions: readonly string[] };

const role = (name = 'Helpdesk Plus', id = 'cr01helpdeskplus4x7'): OktaActor => ({ id, type: 'CUSTOM_ROLE', alternateId: 'unknown', displayName: name, detailEntry: null });
const set = (name = 'All users', id = 'iam1allusers4x7'): OktaActor => ({ id, type: 'RESOURCE_SET', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, target: OktaActor[], debugData: Record<string, unknown> = {}, actor: OktaActor = userActor(ROGUE)) =>
  adminEvent({ eventType, at: T0, target, actor, debugData, requestUri: '/api/v1/iam/roles' });

export default fixtureTable<P>(detection, {
  positive: [
    { name: 'custom role created', events: [ev('iam.role.create', [role()])], expect: [{ subject: { type: 'role', id: 'cr01helpdeskplus4x7' } }] },
    { name: 'credential-reset permission added to a role', events: [ev('iam.role.permissions.add', [role(), { id: 'okta.users.credentials.manage', type: 'PERMISSION', alternateId: 'okta.users.credentials.manage', displayName: 'okta.users.credentials.manage', detailEntry: null }])], expect: [{ subject: { type: 'role', id: 'cr01helpdeskplus4x7' } }] },
    { name: 'resources added to a resource set', events: [ev('iam.resourceset.resources.add', [set()])], expect: [{ subject: { type: 'role', id: 'iam1allusers4x7' } }] },
    { name: 'onlySensitive: sensitive permission in debugData', events: [ev('iam.role.permissions.add', [role()], { permission: 'okta.users.manage' })], expect: [{ subject: { type: 'role', id: 'cr01helpdeskplus4x7' } }], params: { onlySensitive: true } },
  ],
  negative: [
    { name: 'onlySensitive: a read permission added', events: [ev('iam.role.permissions.add', [role()], { permission: 'okta.users.read' })], expect: [], params: { onlySensitive: true } },
    { name: 'permissions removed (narrowing, not listened to)', events: [ev('iam.role.permissions.delete', [role()])], expect: [] },
    { name: 'change by allow-listed IaC pipeline', events: [ev('iam.role.create', [role()], {}, userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
  ],
});

import { userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './admin-role-granted-to-group';

const T0 = '2026-11-06T13:45:00Z';
const group = (name = 'Contractors', id = '00g1contractors4x7'): OktaActor => ({ id, type: 'UserGroup', alternateId: 'unknown', displayName: name, detailEntry: null });
const grant = (privilegeGranted: string | undefined, target: OktaActor[] | null = [group()], actor: OktaActor = userActor(ROGUE), outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  adminEvent({ eventType: 'group.privilege.grant', at: T0, target, actor, outcome, displayMessage: 'Grant group privilege', debugData: privilegeGranted ? { privilegeGranted } : {}, requestUri: `/api/v1/groups/${target?.[0]?.id}/roles` });

export default fixtureTable(detection, {
  positive: [
    { name: 'Super administrator granted to a broad group', events: [grant('Super administrator')], expect: [{ subject: { type: 'group', id: '00g1contractors4x7' } }] },
    { name: 'grant without privilegeGranted still fires (role from the Role target)', events: [grant(undefined, [group(), { id: 'ra1orgadmin4x7', type: 'Role', alternateId: 'unknown', displayName: 'ORG_ADMIN', detailEntry: null }])], expect: [{ subject: { type: 'group', id: '00g1contractors4x7' } }] },
    { name: 'tenant limits to super admin, super admin granted', events: [grant('Super administrator')], expect: [{ subject: { type: 'group', id: '00g1contractors4x7' } }], params: { rolePattern: 'super' } },
  ],
  negative: [
    { name: 'tenant limits to super admin, help desk granted', events: [grant('Help Desk administrator')], expect: [], params: { rolePattern: 'super' } },
    { name: 'failed grant', events: [grant('Super administrator', [group()], userActor(ROGUE), 'FAILURE')], expect: [] },
    { name: 'grant by allow-listed provisioning automation', events: [grant('Read only admin', [group()], userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'grant event without a group target', events: [grant('Super administrator', null)], expect: [] },
  ],
});

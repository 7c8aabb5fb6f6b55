import { logEvent, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './admin-role-granted';

const admin = person('it.admin@example.com');
const grantee = person('sam.ortiz@example.com');
const at = '2026-11-02T14:22:10Z';

const grant = (privilegeGranted: string, extra: Record<string, unknown> = {}) =>
  logEvent({
    eventType: 'user.account.privilege.grant',
    at,
    actor: userActor(admin),
    target: [{ id: grantee.id, type: 'User', alternateId: grantee.login, displayName: grantee.name, detailEntry: null }],
    place: PLACES.sanFrancisco,
    displayMessage: 'Grant user privilege',
    debugData: { privilegeGranted, ...extra },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'Super administrator granted to a user', events: [grant('Super administrator')], expect: [{ subject: { type: 'user', id: grantee.id } }] },
    { name: 'several roles, one of them an admin role', events: [grant('Read only admin, Help Desk administrator')], expect: [{ subject: { type: 'user', id: grantee.id } }] },
    { name: 'organization administrator', events: [grant('Organization administrator')], expect: [{ subject: { type: 'user', id: grantee.id } }] },
  ],
  negative: [
    { name: 'a non-admin custom role', events: [grant('Report viewer')], expect: [] },
    { name: 'grant event with no privilegeGranted', events: [logEvent({ eventType: 'user.account.privilege.grant', at, actor: userActor(admin), target: null })], expect: [] },
  ],
});

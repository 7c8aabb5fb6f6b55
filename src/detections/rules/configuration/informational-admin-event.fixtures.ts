import { person, userActor } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { adminEvent, AUTOMATION } from '../../fixture-builders/admin';
import { tokenEvent } from '../../fixture-builders/api-token';
import { fixtureTable } from '../../fixture-table';
import detection from './informational-admin-event';

const T0 = '2026-11-06T16:30:00Z';
export const FORMER_ADMIN = person('oscar.lind@example.com', 'Oscar Lind');
const SLACK: OktaActor = { id: '0oa1slack4x7', type: 'AppInstance', alternateId: 'Slack', displayName: 'Slack', detailEntry: null };
const HELPDESK_GROUP: OktaActor = { id: '00g1helpdesk4x7', type: 'UserGroup', alternateId: 'unknown', displayName: 'Help Desk', detailEntry: null };

export const revoke = (actor?: OktaActor): OktaLogEvent => tokenEvent({ eventType: 'system.api_token.revoke', at: T0, name: 'siem-reader', actor });
export const adminAction = (eventType: string, target: OktaActor[]): OktaLogEvent => adminEvent({ eventType, at: T0, target });

export default fixtureTable(detection, {
  positive: [
    { name: 'an API token revoked', events: [revoke()], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }] },
    { name: 'an app deactivated', events: [adminAction('application.lifecycle.deactivate', [SLACK])], expect: [{ subject: { type: 'app', id: '0oa1slack4x7' } }] },
    { name: 'an app deleted', events: [adminAction('application.lifecycle.delete', [SLACK])], expect: [{ subject: { type: 'app', id: '0oa1slack4x7' } }] },
    { name: 'an admin role revoked from a user', events: [adminAction('user.account.privilege.revoke', [userActor(FORMER_ADMIN)])], expect: [{ subject: { type: 'user', id: FORMER_ADMIN.id } }] },
    { name: 'an admin role revoked from a group', events: [adminAction('group.privilege.revoke', [HELPDESK_GROUP])], expect: [{ subject: { type: 'group', id: '00g1helpdesk4x7' } }] },
  ],
  negative: [
    { name: 'a tenant that only keeps token revocations', events: [adminAction('application.lifecycle.delete', [SLACK])], expect: [], params: { actions: ['api-token-revoked'] } },
    { name: 'token rotation by the allow-listed automation', events: [revoke(userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'a token created is not a revocation', events: [tokenEvent({ at: T0, network: 'ZONE' })], expect: [] },
  ],
});

import { logEvent, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-factor-reset-by-other';

const user = person('grace.kim@example.com');
const helpdesk = person('helpdesk.agent@example.com');
const at = '2026-11-04T10:02:11Z';

const event = (eventType: string, actor = userActor(helpdesk), extra: { reason?: string; displayMessage?: string; factor?: string } = {}) =>
  logEvent({
    eventType,
    at,
    actor,
    target: [userActor(user), ...(extra.factor ? [{ id: 'ufs2bysphxKODSZKWVCT', type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: extra.factor, detailEntry: null }] : [])],
    place: PLACES.sanFrancisco,
    outcome: 'SUCCESS',
    reason: extra.reason,
    displayMessage: extra.displayMessage,
    debugData: { requestUri: `/api/v1/users/${user.id}/lifecycle/reset_factors`, url: `/api/v1/users/${user.id}/lifecycle/reset_factors?` },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'help desk resets all factors of a user', events: [event('user.mfa.factor.reset_all', undefined, { displayMessage: 'Reset all factors for user' })], expect: [{ subject: { type: 'user', id: user.id } }] },
    {
      name: 'admin deactivates the Okta Verify factor of a user',
      events: [event('user.mfa.factor.deactivate', undefined, { reason: 'User reset OKTA_VERIFY_PUSH factor', displayMessage: 'Reset factor for user', factor: 'Okta Verify' })],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    { name: 'admin suspends a factor of a user', events: [event('user.mfa.factor.suspend', undefined, { reason: 'User suspended SIGNED_NONCE factor', displayMessage: 'Suspend factor for user' })], expect: [{ subject: { type: 'user', id: user.id } }] },
  ],
  negative: [
    { name: 'the user resets their own factor', events: [event('user.mfa.factor.deactivate', userActor(user), { reason: 'User reset FIDO_WEBAUTHN factor', displayMessage: 'Reset factor for user' })], expect: [] },
    { name: 'resets by the allow-listed help-desk automation', events: [event('user.mfa.factor.reset_all')], expect: [], params: { ignoreActors: ['HELPDESK.AGENT@example.com'] } },
    {
      name: 'a failed reset attempt',
      events: [{ ...event('user.mfa.factor.reset_all'), outcome: { result: 'FAILURE', reason: 'Insufficient permissions' } }],
      expect: [],
    },
  ],
});

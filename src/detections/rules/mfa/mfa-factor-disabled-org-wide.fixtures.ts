import { logEvent, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-factor-disabled-org-wide';

const admin = person('it.admin@example.com');
const at = '2026-11-04T11:30:00Z';

export default fixtureTable(detection, {
  positive: [
    {
      name: 'Classic: admin deactivates a factor type org-wide',
      events: [logEvent({ eventType: 'system.mfa.factor.deactivate', at, actor: userActor(admin), place: PLACES.sanFrancisco, outcome: 'SUCCESS', severity: 'INFO', displayMessage: 'Deactivate MFA factor type for org', debugData: { requestUri: '/api/v1/org/factors/okta_otp/lifecycle/deactivate' } })],
      expect: [{ subject: { type: 'org', id: 'factor:an MFA factor' } }],
    },
    {
      name: 'Identity Engine: admin deactivates the FIDO2 (WebAuthn) authenticator',
      events: [
        logEvent({
          eventType: 'security.authenticator.lifecycle.deactivate',
          at,
          actor: userActor(admin),
          target: [{ id: 'aut1webauthn0fido2x7', type: 'Authenticator', alternateId: 'unknown', displayName: 'FIDO2 (WebAuthn)', detailEntry: null }],
          place: PLACES.sanFrancisco,
          outcome: 'SUCCESS',
          displayMessage: 'Deactivate Authenticator',
          debugData: { requestUri: '/api/v1/authenticators/aut1webauthn0fido2x7/lifecycle/deactivate' },
        }),
      ],
      expect: [{ subject: { type: 'org', id: 'factor:aut1webauthn0fido2x7' } }],
    },
  ],
  negative: [
    {
      name: 'a failed deactivation (e.g. the authenticator is still required by a policy)',
      events: [logEvent({ eventType: 'security.authenticator.lifecycle.deactivate', at, actor: userActor(admin), target: [{ id: 'aut1oktaverify00x7', type: 'Authenticator', displayName: 'Okta Verify' }], outcome: 'FAILURE', reason: 'Authenticator is in use by a policy' })],
      expect: [],
    },
    { name: 'a factor type activated org-wide', events: [logEvent({ eventType: 'system.mfa.factor.activate', at, actor: userActor(admin), outcome: 'SUCCESS' })], expect: [] },
  ],
});

import { logEvent, person, PLACES, userActor } from '../../../okta/fixtures';
import { oktaVerifyEnrollment } from '../../fixture-builders/mfa';
import { fixtureTable } from '../../fixture-table';
import detection from './fastpass-phishing-declined';

const user = person('maya.cohen@example.com');
const at = '2026-11-04T12:45:31Z';

const fastPass = (outcome: 'SUCCESS' | 'FAILURE', reason: string | null) =>
  logEvent({
    eventType: 'user.authentication.auth_via_mfa',
    at,
    actor: userActor(user),
    target: [userActor(user), oktaVerifyEnrollment(user, 'Use Okta FastPass')],
    place: PLACES.sanFrancisco,
    userAgent: 'OktaVerify/4.4.1.0 WPFDeviceSDK/1.7.4.17 Windows/10.0.19045.3570',
    outcome,
    reason,
    displayMessage: 'Authentication of user via MFA',
    debugData: { factor: 'SIGNED_NONCE', factorIntent: 'AUTHENTICATION', requestUri: '/idp/authenticators/aut1fastpass/transactions/ft1/verify' },
  });

export default fixtureTable(detection, {
  positive: [{ name: 'FastPass declined a phishing attempt', events: [fastPass('FAILURE', 'FastPass declined phishing attempt')], expect: [{ subject: { type: 'user', id: user.id } }] }],
  negative: [
    { name: 'an ordinary FastPass sign-in', events: [fastPass('SUCCESS', null)], expect: [] },
    { name: 'a wrong TOTP code', events: [logEvent({ eventType: 'user.authentication.auth_via_mfa', at, actor: userActor(user), outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', debugData: { factor: 'OKTA_VERIFY_TOTP' } })], expect: [] },
  ],
});

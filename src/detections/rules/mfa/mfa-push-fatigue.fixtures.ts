import { logEvent, minutes, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-push-fatigue';

const victim = person('ana.garcia@example.com');
const T0 = '2026-11-02T02:10:00Z';

/** Okta Identity Engine form: a rejected Okta Verify push. */
const oieReject = (n: number, transactionId?: string) =>
  logEvent({
    transactionId,
    eventType: 'user.authentication.auth_via_mfa',
    at: minutes(T0, n),
    actor: userActor(victim),
    place: PLACES.moscow,
    outcome: 'FAILURE',
    reason: 'INVALID_CREDENTIALS',
    displayMessage: 'Authentication of user via MFA',
    debugData: { factor: 'OKTA_VERIFY_PUSH', factorIntent: 'AUTHENTICATION', pushOnlyResponseType: 'REJECT' },
  });

/** Okta Classic form. */
const classicDeny = (n: number, transactionId?: string) =>
  logEvent({ transactionId, eventType: 'user.mfa.okta_verify.deny_push', at: minutes(T0, n), actor: userActor(victim), place: PLACES.moscow, outcome: 'FAILURE', reason: 'User rejected Okta push verify', displayMessage: 'User rejected Okta push verify' });

export default fixtureTable(detection, {
  positive: [
    { name: 'Identity Engine: 3 rejected pushes in 4 minutes', events: [oieReject(0), oieReject(2), oieReject(4)], expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-02T02:10:00.000Z', windowEnd: '2026-11-02T02:14:00.000Z' }] },
    { name: 'Classic: 4 denied pushes in 6 minutes', events: [classicDeny(0), classicDeny(2), classicDeny(4), classicDeny(6)], expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-02T02:10:00.000Z', windowEnd: '2026-11-02T02:14:00.000Z' }] },
    { name: 'mixed forms count together', events: [oieReject(0), classicDeny(1), oieReject(3)], expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-02T02:10:00.000Z', windowEnd: '2026-11-02T02:13:00.000Z' }] },
  ],
  negative: [
    { name: 'two rejections are a mistake, not fatigue', events: [oieReject(0), oieReject(5)], expect: [] },
    {
      name: 'two rejections, each logged in both forms (same transaction), are still two',
      events: [oieReject(0, 'WzYq1rejectA'), classicDeny(0, 'WzYq1rejectA'), oieReject(5, 'WzYq1rejectB'), classicDeny(5, 'WzYq1rejectB')],
      expect: [],
    },
    { name: 'three rejections spread over an hour', events: [oieReject(0), oieReject(25), oieReject(50)], expect: [] },
    {
      name: 'failed TOTP codes are not push rejections',
      events: [0, 1, 2].map((n) =>
        logEvent({ eventType: 'user.authentication.auth_via_mfa', at: minutes(T0, n), actor: userActor(victim), outcome: 'FAILURE', debugData: { factor: 'OKTA_VERIFY_TOTP' } }),
      ),
      expect: [],
    },
  ],
});

import { logEvent, minutes, person, type Person, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-factor-reset-by-other';

const user = person('grace.kim@example.com');
const helpdesk = person('helpdesk.agent@example.com');
const at = '2026-11-04T10:02:11Z';

const event = (eventType: string, actor = userActor(helpdesk), extra: { reason?: string; displayMessage?: string; factor?: string; who?: Person; at?: number | string } = {}) => {
  const who = extra.who ?? user;
  return logEvent({
    eventType,
    at: extra.at ?? at,
    actor,
    target: [userActor(who), ...(extra.factor ? [{ id: 'ufs2bysphxKODSZKWVCT', type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: extra.factor, detailEntry: null }] : [])],
    place: PLACES.sanFrancisco,
    outcome: 'SUCCESS',
    reason: extra.reason,
    displayMessage: extra.displayMessage,
    debugData: { requestUri: `/api/v1/users/${who.id}/lifecycle/reset_factors`, url: `/api/v1/users/${who.id}/lifecycle/reset_factors?` },
  });
};

/** The user's own Okta Verify enrolment. */
const enrol = (who: Person, when: number, place = PLACES.sanFrancisco): OktaLogEvent =>
  logEvent({ eventType: 'user.mfa.factor.activate', at: when, actor: userActor(who), target: [userActor(who), { id: `opf${who.id.slice(3, 12)}`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: null }], place, outcome: 'SUCCESS', reason: 'User set up OKTA_VERIFY_PUSH factor', displayMessage: 'Activate factor or authenticator' });

/** The user signed in from home in San Francisco the day before. */
const knownAtHome = signIn(user, minutes(at, -24 * 60), { place: PLACES.sanFrancisco });
/** Back after the reset: from Lagos (never seen), or from home. */
const fromLagos = signIn(user, minutes(at, 25), { place: PLACES.lagos, sessionId: 'idxAttacker000000001' });
const fromHome = signIn(user, minutes(at, 25), { place: PLACES.sanFrancisco, sessionId: 'idxHome0000000000001' });

/** A 20,000-user org's help desk on an ordinary day: 40 people called in for a lost phone and got back in from home or the office. */
const helpdeskDay = Array.from({ length: 40 }, (_, k) => {
  const caller = person(`caller${k}@example.com`);
  const t = minutes('2026-11-04T08:00:00Z', k * 12);
  const place = k % 2 ? PLACES.sanFrancisco : { ...PLACES.newYork, ip: '64.124.32.11', asOrg: 'example corp' };
  return [
    signIn(caller, minutes(t, -6 * 60), { place }),
    event('user.mfa.factor.reset_all', undefined, { who: caller, at: t, displayMessage: 'Reset all factors for user' }),
    signIn(caller, minutes(t, 20), { place, sessionId: `idxCaller${k}` }),
    enrol(caller, minutes(t, 22), place),
  ];
}).flat();

export default fixtureTable(detection, {
  positive: [
    {
      name: 'help desk resets all factors of a user, who then signs in from a country never seen',
      events: [knownAtHome, event('user.mfa.factor.reset_all', undefined, { displayMessage: 'Reset all factors for user' }), fromLagos],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T10:02:11.000Z', windowEnd: '2026-11-04T10:27:11.000Z' }],
    },
    {
      name: 'admin deactivates the Okta Verify factor of a user; a new Okta Verify is enrolled through a proxy',
      events: [knownAtHome, event('user.mfa.factor.deactivate', undefined, { reason: 'User reset OKTA_VERIFY_PUSH factor', displayMessage: 'Reset factor for user', factor: 'Okta Verify' }), enrol(user, minutes(at, 10), PLACES.torExit)],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T10:02:11.000Z', windowEnd: '2026-11-04T10:12:11.000Z' }],
    },
    {
      name: 'admin suspends a factor of a user, who then signs in from a country never seen',
      events: [knownAtHome, event('user.mfa.factor.suspend', undefined, { reason: 'User suspended SIGNED_NONCE factor', displayMessage: 'Suspend factor for user' }), fromLagos],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T10:02:11.000Z', windowEnd: '2026-11-04T10:27:11.000Z' }],
    },
  ],
  negative: [
    { name: 'the user resets their own factor', events: [knownAtHome, event('user.mfa.factor.deactivate', userActor(user), { reason: 'User reset FIDO_WEBAUTHN factor', displayMessage: 'Reset factor for user' }), fromLagos], expect: [] },
    { name: 'resets by the allow-listed help-desk automation', events: [knownAtHome, event('user.mfa.factor.reset_all'), fromLagos], expect: [], params: { ignoreActors: ['HELPDESK.AGENT@example.com'] } },
    {
      name: 'a failed reset attempt',
      events: [knownAtHome, { ...event('user.mfa.factor.reset_all'), outcome: { result: 'FAILURE', reason: 'Insufficient permissions' } }, fromLagos],
      expect: [],
    },
    { name: 'help desk resets all factors; the user gets back in from home', events: [knownAtHome, event('user.mfa.factor.reset_all'), fromHome, enrol(user, minutes(at, 27))], expect: [] },
    { name: 'the user comes back from a new country two days after the reset', events: [knownAtHome, event('user.mfa.factor.reset_all'), signIn(user, minutes(at, 48 * 60), { place: PLACES.lagos })], expect: [] },
    { name: "a 20,000-user org's help desk day: 40 factor resets, each caller back from home or the office within the hour", events: helpdeskDay, expect: [] },
  ],
});

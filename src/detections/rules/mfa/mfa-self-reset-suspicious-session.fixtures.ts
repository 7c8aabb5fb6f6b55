import { logEvent, minutes, person, type Person, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import anonymizerSignIn from '../sessions/anonymizer-sign-in';
import sessionHijack from '../sessions/session-hijack';
import { WINDOWS_FIREFOX } from '../sessions/session-hijack.fixtures';
import detection from './mfa-self-reset-suspicious-session';

const T0 = '2026-11-07T10:00:00Z';
export const HOLDER = person('ravi.shah@example.com', 'Ravi Shah');
const SID = 'idxSelfResetSession01';

/** The user resets their own factors (actor and target the same user). */
export const selfReset = (at: number, who: Person = HOLDER, eventType = 'user.mfa.factor.reset_all', place = PLACES.sanFrancisco): OktaLogEvent =>
  logEvent({ eventType, at, actor: userActor(who), place, outcome: 'SUCCESS', target: [userActor(who)], sessionId: SID, displayMessage: 'Reset all factors for user' });
/** A successful sign-in through Tor (okta-anonymizer-sign-in, medium). */
export const torSignIn = (at: number, who: Person = HOLDER) => signIn(who, at, { place: PLACES.torExit, sessionId: SID });
/** The session replayed from Lagos on another client (okta-session-hijack). */
export const hijacked = (at: number): OktaLogEvent[] => [signIn(HOLDER, at, { sessionId: SID }), { ...signIn(HOLDER, minutes(at, 20), { sessionId: SID, place: PLACES.lagos, userAgent: WINDOWS_FIREFOX }), eventType: 'user.authentication.sso' }];

export default fixtureTable(detection, {
  alongside: [anonymizerSignIn, sessionHijack],
  positive: [
    { name: 'a sign-in through Tor, then the user resets their own factors', events: [torSignIn(minutes(T0, 0)), selfReset(minutes(T0, 25))], expect: [{ subject: { type: 'user', id: HOLDER.id }, windowStart: '2026-11-07T10:00:00.000Z', windowEnd: '2026-11-07T10:25:00.000Z' }] },
    { name: 'a stolen session removes a factor', events: [...hijacked(minutes(T0, 0)), selfReset(minutes(T0, 40), HOLDER, 'user.mfa.factor.deactivate')], expect: [{ subject: { type: 'user', id: HOLDER.id }, windowStart: '2026-11-07T10:00:00.000Z', windowEnd: '2026-11-07T10:40:00.000Z' }] },
  ],
  negative: [
    { name: 'a self reset with nothing before it', events: [signIn(HOLDER, minutes(T0, 0)), selfReset(minutes(T0, 10))], expect: [] },
    { name: 'a self reset a day after the Tor sign-in', events: [torSignIn(minutes(T0, 0)), selfReset(minutes(T0, 24 * 60))], expect: [] },
    { name: 'a failed sign-in through Tor (low) does not make the session suspicious', events: [{ ...torSignIn(minutes(T0, 0)), outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' } }, selfReset(minutes(T0, 10))], expect: [] },
    { name: "another user's Tor sign-in", events: [torSignIn(minutes(T0, 0), person('other@example.com')), selfReset(minutes(T0, 10))], expect: [] },
    { name: 'a reset before the suspicious sign-in', events: [selfReset(minutes(T0, 0)), torSignIn(minutes(T0, 5))], expect: [] },
  ],
});

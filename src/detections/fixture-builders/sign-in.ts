/**
 * Schema-accurate sign-in and lockout LogEvents for the credential detections' fixtures and tests,
 * shaped after real Okta Identity Engine events (see references in each detection).
 */
import { logEvent, type Person, type Place, PLACES, userActor } from '../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';

/** A scripted client (python-requests), as credential-stuffing and spray tooling usually shows up. */
export const SCRIPT_UA = 'python-requests/2.32.3';

/** Okta's actor for a sign-in with a username that does not exist in the org. */
export function unknownActor(typedUsername: string): OktaActor {
  return { id: 'unknown', type: 'User', alternateId: typedUsername, displayName: 'unknown', detailEntry: null };
}

export interface SignInOpts {
  readonly place?: Place;
  readonly userAgent?: string;
  readonly threatSuspected?: boolean;
  readonly sessionId?: string;
  /** Named network zone the IP matched (`client.zone`); Okta writes "null" when none. */
  readonly zone?: string;
}

function inZone(e: OktaLogEvent, zone: string | undefined): OktaLogEvent {
  return zone ? { ...e, client: { ...e.client, zone } } : e;
}

/** A `user.session.start` as Okta logs it; the three builders below differ only in who and how it ended. */
function sessionStart(actor: OktaActor, at: number | string, outcome: 'SUCCESS' | 'FAILURE', reason: string | null, o: SignInOpts, extra: { sessionId?: string; credentialType?: string; requestUri: string }): OktaLogEvent {
  const e = logEvent({
    eventType: 'user.session.start',
    at,
    actor,
    place: o.place ?? PLACES.sanFrancisco,
    userAgent: o.userAgent,
    outcome,
    reason,
    severity: outcome === 'SUCCESS' ? 'INFO' : 'WARN',
    displayMessage: 'User login to Okta',
    credentialType: extra.credentialType,
    sessionId: extra.sessionId,
    debugData: {
      requestUri: extra.requestUri,
      url: `${extra.requestUri}?`,
      threatSuspected: o.threatSuspected ?? false,
      ...(outcome === 'FAILURE' && actor.id === 'unknown' ? { loginResult: reason } : {}),
    },
  });
  return inZone(e, o.zone);
}

/** `user.session.start` FAILURE for an existing user (INVALID_CREDENTIALS unless told otherwise). */
export function failedSignIn(p: Person, at: number | string, reason = 'INVALID_CREDENTIALS', o: SignInOpts = {}): OktaLogEvent {
  return sessionStart(userActor(p), at, 'FAILURE', reason, o, { credentialType: 'PASSWORD', sessionId: o.sessionId ?? '102' + p.id.slice(3, 20), requestUri: '/idp/idx/authenticators/poll' });
}

/** `user.session.start` FAILURE for a username Okta does not know (actor id "unknown", VERIFICATION_ERROR). */
export function unknownUserSignIn(typedUsername: string, at: number | string, o: SignInOpts = {}): OktaLogEvent {
  return sessionStart(unknownActor(typedUsername), at, 'FAILURE', 'VERIFICATION_ERROR', o, { requestUri: '/idp/idx/identify' });
}

/** `user.session.start` SUCCESS. */
export function signIn(p: Person, at: number | string, o: SignInOpts = {}): OktaLogEvent {
  return sessionStart(userActor(p), at, 'SUCCESS', null, o, { credentialType: 'PASSWORD', sessionId: o.sessionId ?? '102' + p.id.slice(3, 20), requestUri: '/idp/idx/authenticators/poll' });
}

/**
 * `user.account.lock` (lockout after too many failed sign-ins) or `user.account.lock.limit` (locked out
 * 10 times in a row without a successful sign-in; Okta stops auto-unlocking). The locked user is the
 * actor, as in Okta's events; outcome FAILURE / LOCKED_OUT.
 */
export function lockout(p: Person, at: number | string, o: { place?: Place; limit?: boolean } = {}): OktaLogEvent {
  return logEvent({
    eventType: o.limit ? 'user.account.lock.limit' : 'user.account.lock',
    at,
    actor: userActor(p),
    place: o.place ?? PLACES.sanFrancisco,
    outcome: o.limit ? 'SUCCESS' : 'FAILURE',
    reason: o.limit ? null : 'LOCKED_OUT',
    severity: o.limit ? 'WARN' : 'DEBUG',
    displayMessage: o.limit
      ? 'The user has been locked out 10 times in a row without a successful login. The account will no longer be automatically unlocked by Okta.'
      : 'Max sign in attempts exceeded',
    debugData: { requestUri: '/idp/idx/identify', url: '/idp/idx/identify?', threatSuspected: 'false' },
  });
}

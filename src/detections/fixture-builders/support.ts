/** Okta Support LogEvents: access grants, impersonation sessions, and credential resets made by Okta Support. */
import { person, type Person, PLACES, userActor } from '../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';
import { ADMIN, adminEvent } from './admin';

/** The support engineer identity in an impersonation session (exact shape unverified; see the detection's notes). */
export const SUPPORT_ENGINEER: OktaActor = { id: '00u1oktasupport0001', type: 'User', alternateId: 'support.engineer@okta.com', displayName: 'Okta Support', detailEntry: null };

/** Okta's system principal as panther-analysis saw it on support resets: a User actor `system@okta.com`. */
export const OKTA_SYSTEM_USER: OktaActor = { id: '00u1systemoktacom01', type: 'User', alternateId: 'system@okta.com', displayName: 'system@okta.com', detailEntry: null };

export const SUPPORT_SESSION = '102supportImpersonation7Q';

export function impersonation(stage: 'grant' | 'extend' | 'revoke' | 'initiate' | 'end', at: string | number, opts: { actor?: OktaActor; target?: Person; sessionId?: string } = {}): OktaLogEvent {
  const support = stage === 'initiate' || stage === 'end';
  return adminEvent({
    eventType: `user.session.impersonation.${stage}`,
    at,
    actor: opts.actor ?? (support ? SUPPORT_ENGINEER : userActor(ADMIN)),
    target: support ? [userActor(opts.target ?? ADMIN)] : [],
    place: support ? PLACES.newYork : PLACES.sanFrancisco,
    sessionId: opts.sessionId ?? (support ? SUPPORT_SESSION : undefined),
    displayMessage: { grant: 'Enable impersonation grant', extend: 'Extend impersonation grant', revoke: 'Revoke impersonation grant', initiate: 'Initiate impersonation session', end: 'End impersonation session' }[stage],
    requestUri: '/api/internal/support/impersonation',
  });
}

/**
 * A credential reset as Okta Support leaves it when done from Okta's support tooling: actor `system@okta.com`,
 * transaction id "unknown", no user agent, no geolocation (the panther-analysis okta_support_reset markers).
 */
export function supportToolReset(eventType: string, at: string | number, victim: Person): OktaLogEvent {
  const e = adminEvent({ eventType, at, actor: OKTA_SYSTEM_USER, target: [userActor(victim)], displayMessage: eventType });
  return {
    ...e,
    client: { userAgent: { rawUserAgent: null, os: 'Unknown', browser: 'UNKNOWN' }, zone: 'null', device: 'Unknown', id: null, ipAddress: '192.0.2.10', geographicalContext: null },
    transaction: { type: 'JOB', id: 'unknown', detail: {} },
    authenticationContext: { ...e.authenticationContext, externalSessionId: 'unknown', rootSessionId: null },
  };
}

/** A credential reset by an ordinary admin in the Admin Console (full client context). */
export function adminReset(eventType: string, at: string | number, victim: Person, opts: { actor?: OktaActor; sessionId?: string } = {}): OktaLogEvent {
  return adminEvent({ eventType, at, actor: opts.actor ?? userActor(ADMIN), target: [userActor(victim)], sessionId: opts.sessionId, displayMessage: eventType, requestUri: `/api/v1/users/${victim.id}/lifecycle/reset_password` });
}

export const VICTIM = person('cfo@example.com', 'Chief Financial Officer');

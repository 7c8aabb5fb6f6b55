/**
 * Schema-accurate MFA LogEvents for the MFA detections' fixtures and tests, shaped after Okta Identity
 * Engine events (Okta customer-detections, panther-analysis and Splunk test data).
 */
import { logEvent, type Person, type Place, userActor } from '../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';

/** Okta Verify on a phone, as the approving client shows up. */
const OKTA_VERIFY_UA = 'OktaVerify/9.31.0 DeviceSDK/1.21.0 iOS/18.1 Apple/iPhone15,2';

export function oktaVerifyEnrollment(p: Person, methodTypeUsed = 'Get a push notification'): OktaActor {
  return { id: `opf${p.id.slice(3, 20)}`, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed } };
}

/** `system.push.send_factor_verify_push`: Okta sent a push; the client is the browser that asked for it. */
export function pushSent(p: Person, at: number | string, place: Place, sessionId?: string): OktaLogEvent {
  return logEvent({
    eventType: 'system.push.send_factor_verify_push',
    at,
    actor: userActor(p),
    target: [{ ...oktaVerifyEnrollment(p), detailEntry: null }],
    place,
    outcome: 'SUCCESS',
    displayMessage: 'Push notification sent for verification',
    sessionId,
    debugData: { requestUri: '/idp/idx/challenge', url: '/idp/idx/challenge?' },
  });
}

/** `user.authentication.auth_via_mfa` answering a push: SUCCESS (approved) or FAILURE (rejected). */
export function pushAnswered(p: Person, at: number | string, place: Place, o: { approved?: boolean; sessionId?: string; userAgent?: string } = {}): OktaLogEvent {
  const approved = o.approved ?? true;
  return logEvent({
    eventType: 'user.authentication.auth_via_mfa',
    at,
    actor: userActor(p),
    target: [userActor(p), oktaVerifyEnrollment(p)],
    place,
    userAgent: o.userAgent ?? OKTA_VERIFY_UA,
    outcome: approved ? 'SUCCESS' : 'FAILURE',
    reason: approved ? null : 'INVALID_CREDENTIALS',
    displayMessage: 'Authentication of user via MFA',
    sessionId: o.sessionId,
    debugData: { factor: 'OKTA_VERIFY_PUSH', factorIntent: 'AUTHENTICATION', requestUri: '/idp/idx/authenticators/poll', url: '/idp/idx/authenticators/poll?' },
  });
}


/**
 * Helpers shared by the MFA detections. Kept in this folder on purpose; candidates for `okta/event.ts`.
 */
import type { OktaEvent, Party } from '../../../okta/event';

/**
 * The user an MFA event is about. In MFA events (`system.push.send_factor_verify_push`,
 * `user.authentication.auth_via_mfa`) the actor is the user authenticating and the targets are the
 * user and the authenticator enrollment; prefer the actor when it is a user, else the `User` target.
 */
export function mfaUser(e: OktaEvent): Party | undefined {
  if (e.actor && (e.actor.type === undefined || e.actor.type === 'User') && e.actor.id.toLowerCase() !== 'unknown') return e.actor;
  return e.target('User');
}

/** Okta's own principal (`system@okta.com`, type SystemPrincipal): automation or Okta Support, not a person. */
export function isSystemActor(p: Party | undefined): boolean {
  if (!p) return false;
  return p.type === 'SystemPrincipal' || (p.alternateId ?? '').toLowerCase() === 'system@okta.com';
}

/** Whether a party matches one of the given logins or ids (case-insensitive). */
export function matchesAny(p: Party | undefined, values: readonly string[]): boolean {
  if (!p || values.length === 0) return false;
  const mine = [p.id, p.alternateId].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  return values.some((v) => mine.includes(v.toLowerCase()));
}

/** The first target that is not a user: the factor, authenticator or enrollment an event acted on. */
export function nonUserTarget(e: OktaEvent): Party | undefined {
  return e.targets.find((t) => t.type !== 'User');
}

/** An `outcome.result` that means the action happened (SUCCESS, or no outcome recorded). */
export function succeeded(e: OktaEvent): boolean {
  return e.outcome === undefined || e.outcome === 'SUCCESS';
}

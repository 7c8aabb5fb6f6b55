/** Reading MFA events (pushes, factor changes). */
import type { OktaEvent, Party } from '../../okta/event';

/**
 * The user an MFA event is about. In MFA events (`system.push.send_factor_verify_push`,
 * `user.authentication.auth_via_mfa`) the actor is the user authenticating and the targets are the
 * user and the authenticator enrollment; prefer the actor when it is a user, else the `User` target.
 */
export function mfaUser(e: OktaEvent): Party | undefined {
  if (e.actor && (e.actor.type === undefined || e.actor.type === 'User') && e.actor.id.toLowerCase() !== 'unknown') return e.actor;
  return e.target('User');
}

/** The first target that is not a user: the factor, authenticator or enrollment an event acted on. */
export function nonUserTarget(e: OktaEvent): Party | undefined {
  return e.targets.find((t) => t.type !== 'User');
}

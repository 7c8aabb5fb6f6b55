/**
 * Reading `user.session.start`: who signed in (or tried to), and how it ended. Never throws on Okta's quirks.
 */
import type { OktaEvent, Party } from '../../okta/event';

/** `outcome.reason` of a failed sign-in with a wrong password (or against an already locked account). */
export const PASSWORD_FAILURE_REASONS: readonly string[] = ['INVALID_CREDENTIALS', 'LOCKED_OUT'];

/**
 * `outcome.reason` of a failed sign-in for a username Okta does not know: Okta logs those with
 * `VERIFICATION_ERROR` (older orgs, Classic) or `UNKNOWN_USER`, and an actor whose id is the literal
 * string "unknown" and whose `alternateId` is the username that was typed.
 */
export const UNKNOWN_USER_REASONS: readonly string[] = ['VERIFICATION_ERROR', 'UNKNOWN_USER'];

/** The account a sign-in attempt is for. */
export interface Account {
  /** The Okta user id; undefined when the username does not exist in the org. */
  readonly id?: string;
  /** The username as typed / the user's login, lower-cased (the user id when Okta gives no login). */
  readonly login: string;
  readonly displayName?: string;
  /** The username does not exist in the org. */
  readonly unknown: boolean;
}

/**
 * The account a `user.session.start` is for. Okta puts every failed sign-in for a non-existent username
 * under the actor id "unknown", so the typed username (`alternateId`) has to identify those, otherwise
 * every unknown username in the org collapses into one "user".
 */
export function signInAccount(e: OktaEvent): Account | undefined {
  const a = e.actor;
  if (!a) return undefined;
  if (a.type !== undefined && a.type !== 'User') return undefined;
  if (a.id.toLowerCase() === 'unknown') {
    const login = a.alternateId?.toLowerCase();
    if (!login || login === 'unknown') return undefined;
    return { login, unknown: true };
  }
  return { id: a.id, login: (a.alternateId ?? a.id).toLowerCase(), displayName: a.displayName, unknown: false };
}

/** The user who signed in: the actor of a sign-in event, when it is a user. */
export function signInUser(e: OktaEvent): Party | undefined {
  const a = e.actor;
  if (!a) return undefined;
  return a.type === undefined || a.type === 'User' ? a : undefined;
}

/** A failed `user.session.start` whose reason is one of `reasons` (case-insensitive). */
export function isFailedSignIn(e: OktaEvent, reasons: readonly string[]): boolean {
  if (e.eventType !== 'user.session.start' || e.outcome !== 'FAILURE') return false;
  const reason = (e.reason ?? '').toUpperCase();
  return reasons.some((r) => r.toUpperCase() === reason);
}

/** A successful interactive sign-in to Okta (`user.session.start`, SUCCESS). */
export function isSuccessfulSignIn(e: OktaEvent): boolean {
  return e.eventType === 'user.session.start' && e.outcome === 'SUCCESS';
}

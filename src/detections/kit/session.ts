/** Which Okta session an event belongs to. */
import { type OktaEvent, present } from '../../okta/event';

/** Okta writes this when an event has no session; it is not a session id. */
const NO_SESSION = new Set(['unknown', 'none', 'n/a']);

/**
 * The Okta session an event belongs to: `authenticationContext.externalSessionId`, else `rootSessionId`,
 * ignoring Okta's placeholder "unknown".
 */
export function sessionOf(e: OktaEvent): string | undefined {
  const ctx = e.raw.authenticationContext;
  if (!ctx || typeof ctx !== 'object') return undefined;
  for (const v of [ctx.externalSessionId, ctx.rootSessionId]) {
    const s = present(v);
    if (s && !NO_SESSION.has(s.toLowerCase())) return s;
  }
  return undefined;
}

/** Okta's own principal and Okta Support's tooling, as they show up in the System Log. */
import { type OktaEvent, type Party, present } from '../../okta/event';
import { safeRegex } from './regex';

/** Okta's own principal (`system@okta.com`, type SystemPrincipal): automation or Okta Support, not a person. */
export function isSystemActor(p: Party | undefined): boolean {
  if (!p) return false;
  return p.type === 'SystemPrincipal' || (p.alternateId ?? '').toLowerCase() === 'system@okta.com';
}

/** The actor login Okta uses for credential resets made from its support tooling. */
export const SUPPORT_ACTOR_PATTERN = '^system@okta\\.com$';

/**
 * A reset made from Okta's support tooling, by the panther-analysis okta_support_reset markers: the actor is
 * Okta's system user (`supportActorPattern`) and, unless `requireNoClientContext` is off, the event has no user
 * agent, no geolocation and no real transaction id. Read by okta-support-credential-reset, and by
 * okta-mfa-factor-reset-by-other to leave those resets to it.
 */
export function fromSupportTooling(e: OktaEvent, p: { supportActorPattern: string; requireNoClientContext: boolean } = { supportActorPattern: SUPPORT_ACTOR_PATTERN, requireNoClientContext: true }): boolean {
  const actor = safeRegex(p.supportActorPattern);
  if (!actor || !actor.test(e.actor?.alternateId ?? '')) return false;
  if (!p.requireNoClientContext) return true;
  const tx = present(e.raw.transaction?.id);
  return !e.userAgent && !e.country && (!tx || tx.toLowerCase() === 'unknown');
}

/** Helpers for the privilege rules (generic admin-change helpers live in ../configuration/shared.ts). */
import type { OktaEvent, Party } from '../../../okta/event';
import { present } from '../../../okta/event';
import { safeRegex, targetOfType } from '../configuration/shared';

/**
 * An API token's network condition as the System Log records it: `debugData.networkConnection`,
 * `ANYWHERE` (no restriction) or `ZONE` (restricted to network zones). Undefined when Okta did not say.
 */
export function tokenNetwork(e: OktaEvent): string | undefined {
  return present(e.debug('networkConnection'))?.toUpperCase();
}

/** The token an event is about (target type `Token`, id `00T...`). */
export function tokenTarget(e: OktaEvent): Party | undefined {
  return targetOfType(e, ['Token', 'ApiToken']);
}

/** Every string Okta put in debugData, for pattern searches (never throws on odd values). */
export function debugText(e: OktaEvent): string {
  const data = e.raw.debugContext?.debugData;
  if (!data || typeof data !== 'object') return '';
  try {
    return JSON.stringify(data);
  } catch {
    return '';
  }
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

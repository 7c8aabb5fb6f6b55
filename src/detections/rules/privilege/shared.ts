/** Helpers for the privilege rules (generic admin-change helpers live in ../configuration/shared.ts). */
import type { OktaEvent, Party } from '../../../okta/event';
import { present } from '../../../okta/event';
import { targetOfType } from '../configuration/shared';

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

/** API token events (target `Token`, id `00T...`). */
import { type OktaEvent, type Party, present } from '../../okta/event';
import { targetOfType } from './admin-change';

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

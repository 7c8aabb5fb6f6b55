/**
 * Okta acting inside a user's session from its own infrastructure. Events an admin's session causes can show Okta's
 * own IPs and the `Okta-Integrations` user agent instead of the admin's browser (Okta knowledge base: "Okta
 * Integrations Showing as rawUserAgent With Okta IPs"), and the Admin Console acts as its own OAuth client: to a
 * session detection these look like a second client on another network.
 */
import type { OktaEvent } from '../../okta/event';
import { allowListed } from './network';

export const OKTA_INTERNAL_KB = 'https://support.okta.com/help/s/article/okta-integrations-showing-as-rawuseragent-with-okta-ips';

/** `client.id` of the Okta Admin Console (Okta's first-party app; panther-analysis excludes it for the same reason). */
export const ADMIN_CONSOLE_CLIENT_ID = 'okta.b58d5b75-07d4-5f25-bf59-368a1261a405';

/** The user agent Okta's integrations send from Okta's IPs. */
export const OKTA_INTEGRATIONS_UA = 'Okta-Integrations';

/** Where Okta's own traffic comes from: IPs or CIDRs (Okta publishes its ranges) and AS organisation names. */
export interface OktaNetworks {
  readonly oktaIps: readonly string[];
  readonly oktaAsOrgs: readonly string[];
}

/** Whether the event was made by Okta's own tooling in the session, not by the session's browser. */
export function oktaInternal(e: OktaEvent, p: OktaNetworks): boolean {
  if (e.raw.client?.id === ADMIN_CONSOLE_CLIENT_ID) return true;
  if (e.userAgent?.trim() === OKTA_INTEGRATIONS_UA) return true;
  return allowListed(e, { allowedIps: p.oktaIps, allowedAsOrgs: p.oktaAsOrgs });
}

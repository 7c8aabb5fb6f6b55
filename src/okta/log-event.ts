/**
 * The Okta System Log `LogEvent`, as Okta documents it and as it actually arrives.
 *
 * Real events are messier than the schema: `client.zone` is often the string "null", `target` may be
 * `null`, `client` may be `{}`, every `securityContext` member may be null, and `debugData` values are
 * strings even when they hold booleans or numbers. The types below say so, and `normalize()` turns a raw
 * event into an {@link OktaEvent} whose accessors never throw on any of that.
 */

export interface OktaActor {
  readonly id?: string | null;
  readonly type?: string | null;
  readonly alternateId?: string | null;
  readonly displayName?: string | null;
  readonly detailEntry?: Record<string, unknown> | null;
}

export type OktaTarget = OktaActor;

export interface OktaGeolocation {
  readonly lat?: number | null;
  readonly lon?: number | null;
}

export interface OktaGeographicalContext {
  readonly city?: string | null;
  readonly state?: string | null;
  readonly country?: string | null;
  readonly postalCode?: string | null;
  readonly geolocation?: OktaGeolocation | null;
}

export interface OktaClient {
  readonly userAgent?: { rawUserAgent?: string | null; os?: string | null; browser?: string | null } | null;
  readonly zone?: string | null;
  readonly device?: string | null;
  readonly id?: string | null;
  readonly ipAddress?: string | null;
  readonly geographicalContext?: OktaGeographicalContext | null;
}

export interface OktaLogEvent {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  readonly version?: string | null;
  readonly severity?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | string | null;
  readonly legacyEventType?: string | null;
  readonly displayMessage?: string | null;
  readonly actor?: OktaActor | null;
  readonly client?: OktaClient | null;
  readonly device?: Record<string, unknown> | null;
  readonly outcome?: { result?: string | null; reason?: string | null } | null;
  readonly target?: readonly OktaTarget[] | null;
  readonly transaction?: { type?: string | null; id?: string | null; detail?: Record<string, unknown> | null } | null;
  readonly debugContext?: { debugData?: Record<string, unknown> | null } | null;
  readonly authenticationContext?: {
    authenticationProvider?: string | null;
    credentialProvider?: string | null;
    credentialType?: string | null;
    issuer?: unknown;
    interface?: string | null;
    authenticationStep?: number | null;
    externalSessionId?: string | null;
    rootSessionId?: string | null;
  } | null;
  readonly securityContext?: {
    asNumber?: number | null;
    asOrg?: string | null;
    isp?: string | null;
    domain?: string | null;
    isProxy?: boolean | null;
  } | null;
  readonly request?: { ipChain?: readonly Record<string, unknown>[] | null } | null;
}

/** An EventBridge envelope carrying one Okta LogEvent, as delivered by the partner event source. */
export interface OktaEnvelope {
  readonly version?: string;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account?: string;
  readonly time?: string;
  readonly region?: string;
  readonly resources?: readonly string[];
  readonly detail: OktaLogEvent;
  /** Present on events replayed from an EventBridge archive. */
  readonly 'replay-name'?: string;
}

export const OKTA_SOURCE_PREFIX = 'aws.partner/okta.com/';

/** An Okta org's partner event source for one log stream: `aws.partner/okta.com/<org>/<name>` (also the bus's name). */
export function partnerSource(org: string, name: string): string {
  return `${OKTA_SOURCE_PREFIX}${org}/${name}`;
}
export const OKTA_DETAIL_TYPE = 'SystemLog';

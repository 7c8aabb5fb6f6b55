/**
 * Builders for schema-accurate Okta LogEvents, for detection fixtures, tests and the local day generator.
 * Every field Okta sends is present with a realistic value unless the caller overrides it, and the
 * quirks of real events can be reproduced on purpose (see {@link withQuirks}).
 */
import { createHash } from 'node:crypto';
import type { OktaActor, OktaClient, OktaEnvelope, OktaLogEvent } from './log-event';

export interface Person {
  readonly id: string;
  readonly login: string;
  readonly name: string;
}

/** A deterministic Okta-style user (id `00u...`) from a login. */
export function person(login: string, name?: string): Person {
  const h = createHash('sha1').update(login).digest('hex');
  return { id: `00u${h.slice(0, 17)}`, login, name: name ?? login.split('@')[0].replace(/[._]/g, ' ') };
}

/** A user as Okta writes a party: the actor of what they do, or a `User` target of what is done to them. */
export function userActor(p: Person): OktaActor {
  return { id: p.id, type: 'User', alternateId: p.login, displayName: p.name, detailEntry: null };
}

/** Okta's own principal: the actor of the events Okta emits itself (emails, rate limits, automation). */
export const OKTA_SYSTEM: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };

export interface Place {
  readonly ip: string;
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly asOrg?: string;
  readonly isp?: string;
  readonly isProxy?: boolean;
  /** `securityContext.asNumber` (7922 when not given) and `.domain`. */
  readonly asNumber?: number;
  readonly domain?: string;
}

export const PLACES = {
  sanFrancisco: { ip: '198.51.100.23', city: 'San Francisco', state: 'California', country: 'United States', lat: 37.7749, lon: -122.4194, asOrg: 'comcast', isp: 'comcast cable' },
  newYork: { ip: '198.51.100.77', city: 'New York', state: 'New York', country: 'United States', lat: 40.7128, lon: -74.006, asOrg: 'verizon', isp: 'verizon business' },
  london: { ip: '203.0.113.10', city: 'London', state: 'England', country: 'United Kingdom', lat: 51.5074, lon: -0.1278, asOrg: 'bt', isp: 'british telecommunications' },
  berlin: { ip: '203.0.113.50', city: 'Berlin', state: 'Land Berlin', country: 'Germany', lat: 52.52, lon: 13.405, asOrg: 'deutsche telekom ag', isp: 'deutsche telekom' },
  lagos: { ip: '192.0.2.44', city: 'Lagos', state: 'Lagos', country: 'Nigeria', lat: 6.5244, lon: 3.3792, asOrg: 'mtn nigeria', isp: 'mtn' },
  moscow: { ip: '192.0.2.91', city: 'Moscow', state: 'Moscow', country: 'Russia', lat: 55.7558, lon: 37.6173, asOrg: 'rostelecom', isp: 'rostelecom' },
  torExit: { ip: '192.0.2.200', city: 'Amsterdam', state: 'North Holland', country: 'Netherlands', lat: 52.3676, lon: 4.9041, asOrg: 'tor exit', isp: 'tor', isProxy: true },
} satisfies Record<string, Place>;

export const BROWSER_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Okta's parsed `client.userAgent.os` / `.browser` and `client.device` for a raw user agent (close enough for fixtures). */
function parseUserAgent(userAgent: string): { os: string; browser: string; device: string } {
  const mobile = /iPhone|iPad|Android/.test(userAgent);
  const os = /iPhone|iPad/.test(userAgent) ? 'iOS' : /Android/.test(userAgent) ? 'Android' : /Mac OS/.test(userAgent) ? 'Mac OS X' : /Windows NT/.test(userAgent) ? 'Windows 10' : 'Unknown';
  const browser = /Edg\//.test(userAgent) ? 'EDGE' : /Chrome\//.test(userAgent) ? 'CHROME' : /Safari\//.test(userAgent) ? 'SAFARI' : /Firefox\//.test(userAgent) ? 'FIREFOX' : 'UNKNOWN';
  return { os, browser, device: mobile ? 'Mobile' : /Mozilla/.test(userAgent) ? 'Computer' : 'Unknown' };
}

export function client(place: Place, userAgent = BROWSER_UA): OktaClient {
  const { os, browser, device } = parseUserAgent(userAgent);
  return {
    userAgent: { rawUserAgent: userAgent, os, browser },
    zone: 'null',
    device,
    id: null,
    ipAddress: place.ip,
    geographicalContext: {
      city: place.city,
      state: place.state,
      country: place.country,
      postalCode: null,
      geolocation: { lat: place.lat, lon: place.lon },
    },
  };
}

let counter = 0;
/** A deterministic uuid-shaped id from a seed (or a counter when none is given). */
export function uuidFrom(seed?: string): string {
  const h = createHash('sha1').update(seed ?? `vigil-fixture-${counter++}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface EventSpec {
  readonly eventType: string;
  /** ISO time or epoch ms. */
  readonly at: string | number;
  readonly actor?: OktaActor;
  readonly target?: OktaActor[] | null;
  readonly place?: Place;
  readonly userAgent?: string;
  readonly outcome?: 'SUCCESS' | 'FAILURE' | 'DENY' | 'ALLOW' | 'CHALLENGE' | 'SKIPPED' | 'UNKNOWN';
  readonly reason?: string | null;
  readonly severity?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly displayMessage?: string;
  readonly debugData?: Record<string, unknown>;
  readonly sessionId?: string;
  readonly credentialType?: string | null;
  readonly uuid?: string;
  readonly transactionId?: string;
}

/** A complete Okta LogEvent with realistic defaults. */
export function logEvent(spec: EventSpec): OktaLogEvent {
  const place: Place = spec.place ?? PLACES.sanFrancisco;
  const published = typeof spec.at === 'number' ? new Date(spec.at).toISOString() : new Date(spec.at).toISOString();
  const uuid = spec.uuid ?? uuidFrom(`${spec.eventType}|${published}|${spec.actor?.id}|${JSON.stringify(spec.target)}|${place.ip}|${counter++}`);
  return {
    uuid,
    published,
    eventType: spec.eventType,
    version: '0',
    severity: spec.severity ?? (spec.outcome === 'FAILURE' || spec.outcome === 'DENY' ? 'WARN' : 'INFO'),
    legacyEventType: null,
    displayMessage: spec.displayMessage ?? spec.eventType,
    actor: spec.actor ?? OKTA_SYSTEM,
    client: client(place, spec.userAgent),
    device: null,
    authenticationContext: {
      authenticationProvider: null,
      credentialProvider: null,
      credentialType: spec.credentialType ?? null,
      issuer: null,
      interface: null,
      authenticationStep: 0,
      externalSessionId: spec.sessionId ?? 'unknown',
      rootSessionId: spec.sessionId ?? null,
    },
    outcome: { result: spec.outcome ?? 'SUCCESS', reason: spec.reason ?? null },
    target: spec.target === undefined ? [] : spec.target,
    transaction: { type: 'WEB', id: spec.transactionId ?? uuid.replace(/-/g, '').slice(0, 20), detail: {} },
    debugContext: { debugData: { requestId: uuid.slice(0, 24), requestUri: '/api/v1/authn', url: '/api/v1/authn?', ...spec.debugData } },
    securityContext: {
      asNumber: place.asNumber ?? 7922,
      asOrg: place.asOrg ?? null,
      isp: place.isp ?? null,
      domain: place.domain ?? null,
      isProxy: place.isProxy ?? false,
    },
    request: { ipChain: [{ ip: place.ip, geographicalContext: client(place).geographicalContext, version: 'V4', source: null }] },
  };
}

/** The same event with the quirks real Okta events carry (see README, "Okta quirks"). */
export function withQuirks(e: OktaLogEvent, quirks: { nullTarget?: boolean; emptyClient?: boolean; nullSecurity?: boolean; stringDebug?: boolean } = { nullTarget: false, emptyClient: true, nullSecurity: true, stringDebug: true }): OktaLogEvent {
  const out: Record<string, unknown> = { ...e };
  if (quirks.nullTarget) out.target = null;
  if (quirks.emptyClient) out.client = {};
  if (quirks.nullSecurity) out.securityContext = { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null };
  if (quirks.stringDebug && e.debugContext?.debugData) {
    out.debugContext = { debugData: Object.fromEntries(Object.entries(e.debugContext.debugData).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) };
  }
  return out as unknown as OktaLogEvent;
}

/** Wrap a LogEvent the way the Okta partner event source delivers it to EventBridge. */
export function envelope(e: OktaLogEvent, opts: { org?: string; source?: string; account?: string; region?: string; replayName?: string } = {}): OktaEnvelope {
  const source = opts.source ?? `aws.partner/okta.com/${opts.org ?? 'acme'}/vigil`;
  return {
    version: '0',
    id: uuidFrom(`envelope|${e.uuid}`),
    'detail-type': 'SystemLog',
    source,
    account: opts.account ?? '111111111111',
    time: e.published,
    region: opts.region ?? 'us-east-1',
    resources: [],
    detail: e,
    ...(opts.replayName ? { 'replay-name': opts.replayName } : {}),
  };
}

/** Minutes after a base time, as epoch ms. */
export function minutes(base: string | number, n: number): number {
  return (typeof base === 'number' ? base : Date.parse(base)) + n * 60_000;
}

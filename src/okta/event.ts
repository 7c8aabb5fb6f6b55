import { parseIsoTime } from '../time';
import type { OktaActor, OktaLogEvent } from './log-event';

/**
 * A LogEvent after normalization: the raw event plus the handful of derived fields every detection
 * reads, computed once, with Okta's quirks ironed out (the string "null", null targets, empty clients,
 * null security contexts, stringly-typed debug data).
 */
export interface OktaEvent {
  readonly raw: OktaLogEvent;
  readonly uuid: string;
  readonly eventType: string;
  /** Event time (`published`) in epoch milliseconds. */
  readonly time: number;
  readonly published: string;
  /** `SUCCESS`, `FAILURE`, `DENY`, `ALLOW`, `CHALLENGE`, `UNKNOWN`... upper-cased; undefined when absent. */
  readonly outcome?: string;
  readonly reason?: string;
  readonly actor?: Party;
  readonly targets: readonly Party[];
  readonly ip?: string;
  readonly country?: string;
  readonly city?: string;
  readonly geo?: { readonly lat: number; readonly lon: number };
  readonly userAgent?: string;
  readonly zone?: string;
  readonly isProxy: boolean;
  readonly asOrg?: string;
  readonly sessionId?: string;
  /** A `debugData` value as a string (numbers and booleans are stringified), or undefined. */
  debug(key: string): string | undefined;
  /** A `debugData` value read as a boolean: true, "true", "TRUE", 1 and "1" are true. */
  flag(key: string): boolean;
  /** The first target of the given type (`User`, `AppInstance`, `PolicyEntity`...). */
  target(type: string): Party | undefined;
}

/** A normalized actor or target. `id` is always a non-empty string. */
export interface Party {
  readonly id: string;
  readonly type?: string;
  readonly alternateId?: string;
  readonly displayName?: string;
  readonly detailEntry?: Record<string, unknown>;
}

/** Why a raw value is not a usable LogEvent; thrown by {@link normalize}. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/**
 * Okta's way of writing "nothing": null, undefined, "", and the literal strings "null"/"undefined". Only strings,
 * numbers and booleans are values; an object or array is not one (it is never turned into a string, so an object
 * with its own `toString` cannot run or throw here).
 */
export function present(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const s = typeof value === 'string' ? value.trim() : String(value);
  if (s === '' || s === 'null' || s === 'undefined' || s === 'NULL') return undefined;
  return s;
}

/** Like {@link present}, and also drops Okta's placeholder "unknown". */
function known(value: unknown): string | undefined {
  const s = present(value);
  return s && s.toLowerCase() !== 'unknown' ? s : undefined;
}

function party(value: OktaActor | null | undefined): Party | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const id = present(value.id) ?? present(value.alternateId);
  if (!id) return undefined;
  return {
    id,
    type: present(value.type),
    alternateId: present(value.alternateId),
    displayName: present(value.displayName),
    detailEntry: value.detailEntry && typeof value.detailEntry === 'object' ? value.detailEntry : undefined,
  };
}

function finite(n: unknown): number | undefined {
  const v = typeof n === 'string' ? Number(n) : n;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The longest values that become keys in the store (DynamoDB: partition key 2,048 bytes, sort key 1,024), in UTF-8
 * bytes. Okta's own are far shorter (a uuid is 36 characters, an id 20, a login at most 100, an event type under
 * 100), so these only ever stop a record that is not really Okta's; with them, a detection's key (detection id and
 * at most two of these) and a subject key stay under the sort key limit.
 */
export const KEY_LIMITS = { uuid: 128, eventType: 256, id: 400, ip: 64 } as const;

/** A value's description for a message: its type, never its content (which may be anything). */
function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A required string field, or the reason it is not one. */
function requiredString(e: Record<string, unknown>, field: string, max: number, of: string): string {
  const value = e[field];
  if (value === undefined || value === null) throw new MalformedEventError(`${of} has no ${field}`);
  if (typeof value !== 'string') throw new MalformedEventError(`${of}: ${field} must be a string, not ${typeName(value)}`);
  const s = present(value);
  if (!s) throw new MalformedEventError(`${of} has no ${field}`);
  if (Buffer.byteLength(s) > max) throw new MalformedEventError(`${of}: ${field} is ${Buffer.byteLength(s)} bytes, over the ${max} a key may take`);
  return s;
}

function tooLong(what: string, value: string | undefined, max: number, uuid: string): void {
  if (value !== undefined && Buffer.byteLength(value) > max) throw new MalformedEventError(`LogEvent ${uuid}: ${what} is ${Buffer.byteLength(value)} bytes, over the ${max} a key may take`);
}

/**
 * Validate the few fields Vigil cannot do without (uuid, eventType: strings short enough to be keys; published: an
 * ISO-8601 timestamp with its zone) and derive the rest. Everything else is optional and may be null, "null" or
 * missing; values used as keys (actor and target ids and logins, the IP, the session) must fit the store.
 */
export function normalize(raw: unknown): OktaEvent {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MalformedEventError('LogEvent is not an object');
  const e = raw as OktaLogEvent;
  const fields = raw as Record<string, unknown>;
  const uuid = requiredString(fields, 'uuid', KEY_LIMITS.uuid, 'LogEvent');
  const eventType = requiredString(fields, 'eventType', KEY_LIMITS.eventType, `LogEvent ${uuid}`);
  if (fields.published === undefined || fields.published === null) throw new MalformedEventError(`LogEvent ${uuid} has no published time`);
  if (typeof fields.published !== 'string') throw new MalformedEventError(`LogEvent ${uuid}: published must be an ISO-8601 timestamp string, not ${typeName(fields.published)}`);
  const time = parseIsoTime(fields.published.trim());
  if (time === undefined) throw new MalformedEventError(`LogEvent ${uuid}: published must be an ISO-8601 timestamp with its zone (e.g. 2026-11-02T09:05:00.000Z)`);

  const client = e.client && typeof e.client === 'object' ? e.client : {};
  const geoCtx = client.geographicalContext && typeof client.geographicalContext === 'object' ? client.geographicalContext : {};
  const lat = finite(geoCtx.geolocation?.lat);
  const lon = finite(geoCtx.geolocation?.lon);
  const security = e.securityContext && typeof e.securityContext === 'object' ? e.securityContext : {};
  const debugData = e.debugContext?.debugData && typeof e.debugContext.debugData === 'object' ? e.debugContext.debugData : {};
  const targets = Array.isArray(e.target) ? e.target.map(party).filter((t): t is Party => t !== undefined) : [];
  const isProxyRaw = security.isProxy as unknown;
  const actor = party(e.actor);
  for (const p of [actor, ...targets]) {
    tooLong('an actor or target id', p?.id, KEY_LIMITS.id, uuid);
    tooLong('an actor or target login', p?.alternateId, KEY_LIMITS.id, uuid);
  }
  const ip = present(client.ipAddress);
  tooLong('client.ipAddress', ip, KEY_LIMITS.ip, uuid);
  // Okta writes the placeholder "unknown" when there is no session; that is not a session id.
  const sessionId = known(e.authenticationContext?.externalSessionId) ?? known(e.authenticationContext?.rootSessionId);
  tooLong('the session id', sessionId, KEY_LIMITS.id, uuid);

  return {
    raw: e,
    uuid,
    eventType,
    time,
    published: new Date(time).toISOString(),
    outcome: present(e.outcome?.result)?.toUpperCase(),
    reason: present(e.outcome?.reason),
    actor,
    targets,
    ip,
    country: present(geoCtx.country),
    city: present(geoCtx.city),
    geo: lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) ? { lat, lon } : undefined,
    userAgent: present(client.userAgent?.rawUserAgent),
    zone: present(client.zone),
    isProxy: isProxyRaw === true || isProxyRaw === 'true',
    asOrg: present(security.asOrg),
    sessionId,
    debug(key: string) {
      const v = debugData[key];
      if (v !== null && typeof v === 'object') return JSON.stringify(v);
      return present(v);
    },
    flag(key: string) {
      const v = debugData[key];
      return v === true || v === 1 || (typeof v === 'string' && (v.trim().toLowerCase() === 'true' || v.trim() === '1'));
    },
    target(type: string) {
      return targets.find((t) => t.type === type);
    },
  };
}

/**
 * The user an event is about: the first `User` target when there is one (the account being acted on),
 * otherwise the actor when the actor is a user (sign-ins, MFA).
 */
export function subjectUser(e: OktaEvent): Party | undefined {
  return e.target('User') ?? (e.actor && (e.actor.type === undefined || e.actor.type === 'User') ? e.actor : undefined);
}

/** A short label for a party: its login (alternateId) when known, else its id. */
export function label(p: Party | undefined): string {
  if (!p) return 'unknown';
  return known(p.alternateId) ?? known(p.displayName) ?? p.id;
}

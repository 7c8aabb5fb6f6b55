/**
 * Helpers shared by the `sessions` and `okta-signals` rules: who signed in, which session an event
 * belongs to, tenant allow-lists of networks (IPs/CIDRs, AS organisations) and user-agent families.
 * Nothing here throws on Okta's quirks (missing client, null security context, string debug data).
 */
import type { OktaEvent, Party } from '../../../okta/event';
import { present } from '../../../okta/event';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A successful interactive sign-in to Okta (`user.session.start`, SUCCESS). */
export function isSuccessfulSignIn(e: OktaEvent): boolean {
  return e.eventType === 'user.session.start' && e.outcome === 'SUCCESS';
}

/** The user who signed in: the actor of a sign-in event, when it is a user. */
export function signInUser(e: OktaEvent): Party | undefined {
  const a = e.actor;
  if (!a) return undefined;
  return a.type === undefined || a.type === 'User' ? a : undefined;
}

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

/** `securityContext.isp` and `securityContext.domain`, which {@link OktaEvent} does not expose. */
export function networkNames(e: OktaEvent): string[] {
  const sc = e.raw.securityContext && typeof e.raw.securityContext === 'object' ? e.raw.securityContext : {};
  return [e.asOrg, present(sc.isp), present(sc.domain)].filter((v): v is string => v !== undefined);
}

/**
 * The network an event came from: its AS organisation (`securityContext.asOrg`), else its AS number, else the IP
 * itself. A phone on a carrier gets a new carrier-grade NAT address (often IPv6, anywhere in the carrier's range)
 * with every connection, so counting IPs counts reconnections; counting networks counts places.
 */
export function networkOf(e: OktaEvent): string | undefined {
  if (e.asOrg) return `as:${e.asOrg.toLowerCase()}`;
  const sc = e.raw.securityContext && typeof e.raw.securityContext === 'object' ? e.raw.securityContext : {};
  const asn = present(sc.asNumber);
  if (asn && asn !== '0') return `asn:${asn}`;
  return e.ip ? `ip:${e.ip.toLowerCase()}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// IP allow-lists

function ipv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

function ipv6(ip: string): bigint | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): string[] | undefined => {
    if (h === '') return [];
    const out: string[] = [];
    const items = h.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i];
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = ipv4(g);
        if (v4 === undefined) return undefined;
        out.push(((v4 >>> 16) & 0xffff).toString(16), (v4 & 0xffff).toString(16));
      } else if (/^[0-9a-f]{1,4}$/.test(g)) out.push(g);
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  let n = 0n;
  for (const g of all) n = (n << 16n) | BigInt(parseInt(g, 16));
  return n;
}

/** Whether an IP is in a list of IPs and CIDR ranges (IPv4 and IPv6). Malformed entries never match. */
export function ipInList(ip: string | undefined, list: readonly string[]): boolean {
  if (!ip || list.length === 0) return false;
  const a4 = ipv4(ip);
  const a6 = a4 === undefined ? ipv6(ip) : undefined;
  for (const raw of list) {
    const entry = raw.trim();
    if (!entry) continue;
    const slash = entry.indexOf('/');
    const base = slash >= 0 ? entry.slice(0, slash) : entry;
    const bitsText = slash >= 0 ? entry.slice(slash + 1) : undefined;
    if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) continue;
    if (a4 !== undefined) {
      const b = ipv4(base);
      if (b === undefined) continue;
      const bits = bitsText === undefined ? 32 : Number(bitsText);
      if (bits > 32) continue;
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      if (((a4 & mask) >>> 0) === ((b & mask) >>> 0)) return true;
    } else if (a6 !== undefined) {
      const b = ipv6(base);
      if (b === undefined) continue;
      const bits = bitsText === undefined ? 128 : Number(bitsText);
      if (bits > 128) continue;
      const shift = BigInt(128 - bits);
      if (a6 >> shift === b >> shift) return true;
    } else if (entry.toLowerCase() === ip.toLowerCase()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Name lists (AS organisations, VPN providers)

const nameRegexes = new Map<string, RegExp>();

function nameRegex(name: string): RegExp {
  let re = nameRegexes.get(name);
  if (!re) {
    const escaped = name.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    re = new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`, 'i');
    if (nameRegexes.size > 500) nameRegexes.clear();
    nameRegexes.set(name, re);
  }
  return re;
}

/**
 * The first name of `names` that appears as a whole word (or phrase) in one of `values`, case-insensitive:
 * "tor" matches "Tor Exit Node" but not "Toronto Hydro" or "Motorola".
 */
export function matchName(values: readonly (string | undefined)[], names: readonly string[]): string | undefined {
  for (const name of names) {
    if (!name.trim()) continue;
    const re = nameRegex(name);
    if (values.some((v) => v !== undefined && re.test(v))) return name;
  }
  return undefined;
}

/** Whether an event comes from a network the tenant allow-lists (by IP/CIDR or by AS organisation name). */
export function allowListed(e: OktaEvent, p: { allowedIps?: readonly string[]; allowedAsOrgs?: readonly string[] }): boolean {
  if (p.allowedIps && ipInList(e.ip, p.allowedIps)) return true;
  if (p.allowedAsOrgs && p.allowedAsOrgs.length && matchName(networkNames(e), p.allowedAsOrgs) !== undefined) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Clients

/**
 * A user agent without its version numbers, so a browser updating mid-session (Chrome 131 -> 132) stays
 * the same client while a different browser or operating system does not.
 */
export function userAgentFamily(ua: string | undefined): string | undefined {
  if (!ua) return undefined;
  const s = ua.toLowerCase().replace(/\d+(?:[._]\d+)*/g, '#').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

/** "City, Country" (or whichever is known), for summaries. */
export function placeLabel(p: { city?: string; country?: string; ip?: string }): string {
  const parts = [p.city, p.country].filter((x): x is string => !!x);
  if (parts.length) return parts.join(', ');
  return p.ip ?? 'an unknown place';
}

/** A duration in minutes as "42 min" or "3.5 h". */
export function formatDuration(ms: number): string {
  const min = Math.abs(ms) / MINUTE;
  if (min < 90) return `${Math.round(min)} min`;
  return `${Math.round((min / 60) * 10) / 10} h`;
}

/** Where an event came from: networks, tenant allow-lists of IPs/CIDRs and AS organisations, ignored zones. */
import { type OktaEvent, present } from '../../okta/event';

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
function ipInList(ip: string | undefined, list: readonly string[]): boolean {
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

/** Whether the event's network zone is one the tenant told us to ignore (e.g. the corporate egress NAT). */
export function inIgnoredZone(e: OktaEvent, zones: readonly string[]): boolean {
  if (!e.zone || zones.length === 0) return false;
  const z = e.zone.toLowerCase();
  return zones.some((x) => x.toLowerCase() === z);
}

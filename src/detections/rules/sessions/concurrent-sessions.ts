import { label } from '../../../okta/event';
import { allowListed, networkOf } from '../../kit/network';
import { sessionOf } from '../../kit/session';
import { isSuccessfulSignIn, signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { MINUTE } from '../../../time';
import type { Detection, Signal } from '../../types';

export type ConcurrentSessionsParams = {
  /** Distinct new sessions of one user within the window that make a finding. */
  maxSessions: number;
  /** ...started from at least this many distinct IPs (one office or one home is not an attack). */
  minIps: number;
  /**
   * ...and from at least this many distinct networks (AS organisation, else AS number, else IP): a phone on a carrier
   * changes IP with every connection, so a new phone signing in to six apps shows many IPs but one or two networks.
   */
  minNetworks: number;
  windowMinutes: number;
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
};

/** A session started: time, session id, IP, uuid, network ('' when unknown; absent in state saved before networks were kept). */
export type SessionStart = readonly [time: number, session: string, ip: string, uuid: string, network?: string];

export interface ConcurrentSessionsState {
  readonly starts: readonly SessionStart[];
  readonly firedAt?: number;
}

/** An IP's range: its /16 (IPv4) or /32 (IPv6), about the size of a carrier's address pool. */
function rangeOf(ip: string): string {
  return ip.includes(':') ? ip.toLowerCase().split(':').slice(0, 2).join(':') : ip.split('.').slice(0, 2).join('.');
}

/** Session starts one user keeps within the window. */
export const MAX_STARTS = 200;

const detection: Detection<ConcurrentSessionsParams, ConcurrentSessionsState> = {
  id: 'okta-concurrent-sessions',
  title: 'Many concurrent Okta sessions for one user',
  description:
    'One user starting many distinct Okta sessions (`user.session.start`, SUCCESS, distinct `authenticationContext.externalSessionId`) from several IPs on several networks (AS organisations) within a window. A person has a laptop and a phone; a dozen fresh sessions from several networks is an account being shared, or used by an attacker (and the victim) at the same time. Networks, not just IPs, because a phone on a carrier changes IP with every connection: someone setting up a new phone signs in to half a dozen apps from as many carrier addresses, on two networks (home Wi-Fi and the carrier).',
  severity: 'medium',
  mitre: { tactic: 'Initial Access', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { maxSessions: 5, minIps: 3, minNetworks: 3, windowMinutes: 60, allowedIps: [], allowedAsOrgs: [] },
  stateTtlMinutes: (p) => p.windowMinutes,
  key(e, p) {
    if (!isSuccessfulSignIn(e) || !sessionOf(e) || allowListed(e, p)) return undefined;
    return signInUser(e)?.id;
  },
  step(state, e, p) {
    const from = e.time - p.windowMinutes * MINUTE;
    const sid = sessionOf(e)!;
    let starts = (state?.starts ?? []).filter((s) => s[0] > from && s[1] !== sid);
    starts.push([e.time, sid, e.ip ?? '', e.uuid, networkOf(e) ?? '']);
    starts.sort((a, b) => a[0] - b[0] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
    if (starts.length > MAX_STARTS) starts = starts.slice(starts.length - MAX_STARTS);
    const firedAt = state?.firedAt !== undefined && state.firedAt > from ? state.firedAt : undefined;
    const sessions = starts.length;
    const ips = [...new Set(starts.map((s) => s[2]).filter((ip) => ip))];
    // Okta leaves securityContext empty on some events: a start without AS information is on the network its IP, or
    // else its IP's range (a carrier's CGNAT pool), was seen on in another start; failing both, its own (its IP's)
    // network, as is a start saved without its network.
    const withAs = starts.filter((s) => s[2] && s[4] && !s[4].startsWith('ip:'));
    const asOfIp = new Map(withAs.map((s) => [s[2], s[4]!]));
    const asOfRange = new Map(withAs.map((s) => [rangeOf(s[2]), s[4]!]));
    const networks = [...new Set(starts.map((s) => asOfIp.get(s[2]) ?? asOfRange.get(rangeOf(s[2])) ?? (s[4] || (s[2] ? `ip:${s[2]}` : ''))).filter((x) => x))];
    if (firedAt !== undefined || sessions < p.maxSessions || ips.length < p.minIps || networks.length < p.minNetworks) return { state: { starts, firedAt } };
    const user = signInUser(e)!;
    const signal: Signal = {
      subject: userSubject(user),
      summary: `${label(user)} started ${sessions} Okta sessions from ${ips.length} IPs on ${networks.length} networks within ${p.windowMinutes} minutes`,
      eventUuids: starts.map((s) => s[3]),
      windowStart: new Date(starts[0][0]).toISOString(),
      windowEnd: e.published,
      context: { sessions, ips, networks: networks.map((x) => x.replace(/^(as|asn|ip):/, '')), windowMinutes: p.windowMinutes, lastCountry: e.country, lastAsOrg: e.asOrg },
    };
    return { state: { starts, firedAt: e.time }, signal };
  },
  status: 'stable',
  falsePositives: [
    'A user with several devices on different networks (laptop on home Wi-Fi, phone on the carrier): several networks are required',
  ],
  runbook: {
    check: [
      'The sessions\' IPs, networks and devices',
    ],
    act: [
      'If a session is not the user\'s: clear all sessions and reset credentials',
    ],
  },
  differences: [
    'Requires several source IPs and networks (AS organisations) as well as several sessions, sliding window, fires once per window',
  ],
  references: [
    'Elastic: Multiple Okta Sessions Detected for a Single User (distinct externalSessionId per user)',
  ],
};

export default detection;

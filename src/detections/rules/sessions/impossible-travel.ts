import { label } from '../../../okta/event';
import { formatDuration } from '../../kit/duration';
import { haversineKm, placeLabel } from '../../kit/geo';
import { allowListed } from '../../kit/network';
import { isSuccessfulSignIn, signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { DAY, HOUR } from '../../../time';
import type { Detection, Signal } from '../../types';

export type ImpossibleTravelParams = {
  /** Fastest plausible travel; 900 km/h is an airliner at cruise. */
  maxSpeedKmh: number;
  /** Hops shorter than this are ignored: IP geolocation is only city-accurate, and mobile carriers egress far away. */
  minDistanceKm: number;
  /** How long the last sign-in is remembered. */
  memoryDays: number;
  /** Skip sign-ins Okta flags as proxies: their geolocation is the proxy's (the proxy rule covers them). */
  ignoreProxies: boolean;
  /** Tenant networks (IPs/CIDRs) whose geolocation says nothing about the user, e.g. a corporate VPN egress. */
  allowedIps: readonly string[];
  /** Same, by AS organisation name (e.g. "zscaler"). */
  allowedAsOrgs: readonly string[];
};

/** The last geolocated sign-in of one user. */
export interface LastSignIn {
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  readonly city?: string;
  readonly country?: string;
  readonly ip?: string;
  readonly uuid: string;
}

/** The two places of the last finding (lat, lon each) and the event time of its later sign-in. */
export interface ReportedPair {
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly t: number;
}

export interface ImpossibleTravelState {
  readonly last: LastSignIn;
  /**
   * The last finding's two places. One sign-in from far away makes two impossible hops, there and back (New York,
   * Moscow, New York): the hop back between the same two places within a day is the same behaviour, not a new finding.
   */
  readonly reported?: ReportedPair;
}

function near(p: readonly [number, number], q: { lat: number; lon: number }, km: number): boolean {
  return haversineKm({ lat: p[0], lon: p[1] }, q) < km;
}

/** Whether a hop joins the same two places as the reported one, in either direction. */
function samePair(r: ReportedPair, a: LastSignIn, b: LastSignIn, km: number): boolean {
  return (near(r.a, a, km) && near(r.b, b, km)) || (near(r.a, b, km) && near(r.b, a, km));
}

const detection: Detection<ImpossibleTravelParams, ImpossibleTravelState> = {
  id: 'okta-impossible-travel',
  title: 'Impossible travel between sign-ins',
  description:
    "Two consecutive successful sign-ins (`user.session.start`, SUCCESS) of one user from places so far apart that the implied speed exceeds an airliner's, from `client.geographicalContext.geolocation`. Someone else holds the user's credentials or session. The last sign-in is kept per user for days, so hops across hourly runs are caught; short hops (same city, home and office) and long-haul flights stay quiet. One far-away sign-in between two at home makes two impossible hops, there and back: the hop back between the same two places within a day is not reported again.",
  severity: 'high',
  mitre: { tactic: 'Initial Access', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { maxSpeedKmh: 900, minDistanceKm: 500, memoryDays: 7, ignoreProxies: true, allowedIps: [], allowedAsOrgs: [] },
  stateTtlMinutes: (p) => p.memoryDays * 24 * 60,
  key(e, p) {
    if (!isSuccessfulSignIn(e) || !e.geo) return undefined;
    const user = signInUser(e);
    if (!user) return undefined;
    if (p.ignoreProxies && e.isProxy) return undefined;
    if (allowListed(e, p)) return undefined;
    return user.id;
  },
  step(state, e, p) {
    const geo = e.geo!;
    const cur: LastSignIn = { t: e.time, lat: geo.lat, lon: geo.lon, city: e.city, country: e.country, ip: e.ip, uuid: e.uuid };
    const prev = state?.last;
    // Forget a previous sign-in older than the memory (state may outlive it by up to an eviction pass).
    if (!prev || e.time - prev.t > p.memoryDays * DAY) return { state: { last: cur } };
    // Events may arrive late across runs: compare in time order and remember the later one.
    const [a, b] = prev.t <= cur.t ? [prev, cur] : [cur, prev];
    const reported = state?.reported && Math.abs(cur.t - state.reported.t) <= DAY ? state.reported : undefined;
    const next: ImpossibleTravelState = reported ? { last: b, reported } : { last: b };
    const km = haversineKm(a, b);
    if (km < p.minDistanceKm) return { state: next };
    const ms = b.t - a.t;
    const speed = ms > 0 ? km / (ms / HOUR) : Infinity;
    if (speed <= p.maxSpeedKmh) return { state: next };
    // The way back between the two places already reported (or the same pair again): one behaviour, one finding.
    if (reported && samePair(reported, a, b, p.minDistanceKm)) return { state: next };
    const user = signInUser(e)!;
    const signal: Signal = {
      subject: userSubject(user),
      summary: `${label(user)} signed in from ${placeLabel(a)} and ${placeLabel(b)}, ${Math.round(km)} km apart, within ${formatDuration(ms)}${
        Number.isFinite(speed) ? ` (${Math.round(speed)} km/h)` : ''
      }`,
      eventUuids: [a.uuid, b.uuid],
      windowStart: new Date(a.t).toISOString(),
      windowEnd: new Date(b.t).toISOString(),
      context: {
        distanceKm: Math.round(km),
        minutes: Math.round(ms / 60_000),
        speedKmh: Number.isFinite(speed) ? Math.round(speed) : null,
        maxSpeedKmh: p.maxSpeedKmh,
        from: { city: a.city, country: a.country, ip: a.ip, at: new Date(a.t).toISOString() },
        to: { city: b.city, country: b.country, ip: b.ip, at: new Date(b.t).toISOString() },
      },
    };
    return { state: { last: b, reported: { a: [a.lat, a.lon], b: [b.lat, b.lon], t: b.t } }, signal };
  },
  status: 'stable',
  falsePositives: [
    'A VPN or proxy switching exit country',
    'Geolocation errors on carrier addresses',
  ],
  runbook: {
    check: [
      'Both sign-ins\' networks and devices: is one a VPN?',
      'Whether both sessions stayed active',
    ],
    act: [
      'If one sign-in is not the user\'s: clear sessions and reset credentials',
    ],
  },
  differences: [
    'Ignores hops under minDistanceKm, proxies and allow-listed networks; tolerates late events',
  ],
  references: [
    'panther-analysis okta_geo_improbable_access (900 km/h between consecutive sign-ins, 7-day memory)',
  ],
};

export default detection;

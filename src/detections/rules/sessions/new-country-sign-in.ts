import { label } from '../../../okta/event';
import { allowListed } from '../../kit/network';
import { isSuccessfulSignIn, signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { DAY } from '../../../time';
import type { Detection, Signal } from '../../types';

export type NewCountrySignInParams = {
  /** Successful sign-ins the user needs before a new country is reported (a new user's first sign-ins are quiet). */
  minPriorSignIns: number;
  /** Days since the user's first sign-in before a new country is reported. */
  learningDays: number;
  /** How long a country stays known after the user's last sign-in from it. */
  memoryDays: number;
  /** Countries remembered per user (least recently used forgotten first). */
  maxCountries: number;
  /** Skip proxies: their country is the exit's, not the user's (the proxy rule covers them). */
  ignoreProxies: boolean;
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
};

/** A country and the last time the user signed in from it. */
export type KnownCountry = readonly [country: string, lastSeen: number];

export interface NewCountryState {
  /** Event time of the first sign-in on record. */
  readonly since: number;
  /** Successful sign-ins on record (capped). */
  readonly signIns: number;
  readonly countries: readonly KnownCountry[];
}

const SIGN_IN_CAP = 1_000_000;

const detection: Detection<NewCountrySignInParams, NewCountryState> = {
  id: 'okta-new-country-sign-in',
  title: 'Sign-in from a new country for the user',
  description:
    "A successful sign-in (`user.session.start`, SUCCESS) from a country (`client.geographicalContext.country`) the user has not signed in from in the last 90 days. Stolen credentials are usually replayed from another country. Each user's countries are learnt first: nothing is reported until the user has a baseline (enough prior sign-ins over enough days), so a new employee's first week stays quiet.",
  severity: 'medium',
  mitre: { tactic: 'Initial Access', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { minPriorSignIns: 10, learningDays: 7, memoryDays: 90, maxCountries: 20, ignoreProxies: true, allowedIps: [], allowedAsOrgs: [] },
  stateTtlMinutes: (p) => p.memoryDays * 24 * 60,
  key(e, p) {
    if (!isSuccessfulSignIn(e) || !e.country) return undefined;
    if (p.ignoreProxies && e.isProxy) return undefined;
    if (allowListed(e, p)) return undefined;
    return signInUser(e)?.id;
  },
  step(state, e, p) {
    const country = e.country!;
    const horizon = e.time - p.memoryDays * DAY;
    let countries = (state?.countries ?? []).filter((c) => c[1] >= horizon);
    const known = countries.some((c) => c[0] === country);
    const since = Math.min(state?.since ?? e.time, e.time);
    const prior = state?.signIns ?? 0;
    const baseline = state !== undefined && prior >= p.minPriorSignIns && e.time - since >= p.learningDays * DAY;
    countries = [...countries.filter((c) => c[0] !== country), [country, Math.max(e.time, countries.find((c) => c[0] === country)?.[1] ?? 0)] as KnownCountry];
    // Most recently seen last; forget the least recently seen beyond the cap.
    countries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (countries.length > p.maxCountries) countries = countries.slice(countries.length - Math.max(1, p.maxCountries));
    const next: NewCountryState = { since, signIns: Math.min(prior + 1, SIGN_IN_CAP), countries };
    if (known || !baseline) return { state: next };
    const user = signInUser(e)!;
    const previous = (state?.countries ?? []).filter((c) => c[1] >= horizon).map((c) => c[0]);
    const signal: Signal = {
      subject: userSubject(user),
      summary: `${label(user)} signed in from ${country}${e.city ? ` (${e.city})` : ''}, a country not seen for this user in ${p.memoryDays} days (known: ${previous.join(', ') || 'none'})`,
      eventUuids: [e.uuid],
      windowStart: e.published,
      windowEnd: e.published,
      context: { country, city: e.city, ip: e.ip, asOrg: e.asOrg, knownCountries: previous, priorSignIns: prior, baselineSince: new Date(since).toISOString() },
    };
    return { state: next, signal };
  },
  status: 'stable',
  falsePositives: [
    'Business travel',
    'A VPN whose exit moved country',
  ],
  runbook: {
    check: [
      'The user\'s known countries and travel plans',
      'The network (a hosting or VPN provider rather than a carrier)',
    ],
    act: [
      'Confirm with the user; if not them, clear sessions and reset credentials',
    ],
  },
  differences: [
    'Per-user baseline kept for 90 days with a learning period, so new users and the first sign-ins after deployment stay quiet',
  ],
  references: [
    'Azure Sentinel Okta: User Login from Different Countries within 3 hours',
    'Okta behavior detection "New Country" (debugData.behaviors)',
  ],
};

export default detection;

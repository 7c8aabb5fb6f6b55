/**
 * A large org's sign-in background for the credential detections' fixtures: thousands of people signing in at the
 * offices (one NAT IP each) and from home, with the ordinary failures of people (a mistyped password retyped from the
 * same browser, someone who gives up at the office and gets in from their phone) and, on top, the attacks those
 * detections must still find. Deterministic: the same arguments give the same events.
 */
import { minutes, person, type Person, type Place, PLACES } from '../../okta/fixtures';
import type { OktaLogEvent } from '../../okta/log-event';
import { failedSignIn, signIn, unknownUserSignIn } from './sign-in';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
];
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** The org's offices and VPN egress: everyone there shares one NAT IP. */
export const OFFICES: readonly Place[] = [
  { ...PLACES.sanFrancisco, ip: '64.124.32.11', asOrg: 'bigco corp', isp: 'bigco corp' },
  { ...PLACES.newYork, ip: '64.124.33.12', asOrg: 'bigco corp', isp: 'bigco corp' },
  { ...PLACES.london, ip: '64.124.34.13', asOrg: 'bigco corp', isp: 'bigco corp' },
  { ...PLACES.berlin, ip: '64.124.35.14', asOrg: 'bigco corp', isp: 'bigco corp' },
  { ...PLACES.newYork, ip: '64.124.36.15', asOrg: 'bigco corp vpn', isp: 'bigco corp' },
];

/** The i-th person of an org of `n` (logins `user<i>@bigco.example`). */
export const staff = (i: number): Person => person(`user${i}@bigco.example`);
export const browserOf = (i: number): string => BROWSERS[i % BROWSERS.length];
/** The i-th person's home broadband address, in their office's city. */
const homeOf = (i: number, office: Place): Place => ({ ...office, ip: `73.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, asOrg: 'comcast', isp: 'comcast cable' });
const phoneOf = (i: number, office: Place): Place => ({ ...office, ip: `172.58.${(i >> 8) & 255}.${i & 255}`, asOrg: 't-mobile usa', isp: 't-mobile' });

/** Each sign-in starts its own session. */
const session = (i: number, at: number) => `102${i}x${at}`;

/** A small deterministic generator (LCG), so a fixture's hour is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface OrgHour {
  /** People in the org. */
  readonly users: number;
  /** Where they work; the i-th person at `offices[i % length]`. @default {@link OFFICES} */
  readonly offices?: readonly Place[];
  /** Successful sign-ins in the hour, spread over it: most at an office, the rest from home. */
  readonly signIns: number;
  /** People who mistype their password and retype it from the same browser a minute or two later. */
  readonly mistypes: number;
  /** The mistypes all come in the first minutes of the hour (the morning wave), overlapping one another. @default false */
  readonly wave?: boolean;
  /** People who fail once at the office and get in from their phone instead, some minutes later. @default 0 */
  readonly gaveUp?: number;
  /** People who fail once from home and do not try again within the hour. @default 0 */
  readonly gaveUpAtHome?: number;
  /** People who type a username the org does not know, then their own, from the same browser. @default 0 */
  readonly wrongUsernames?: number;
}

/** One hour (from `at`) of a large org's sign-ins, at ordinary rates that grow with the org. */
export function orgHour(at: number, o: OrgHour): OktaLogEvent[] {
  const r = rng(at / 60_000 + o.users);
  const who = () => Math.floor(r() * o.users);
  const offices = o.offices ?? OFFICES;
  const officeOf = (i: number) => offices[i % offices.length];
  const out: OktaLogEvent[] = [];
  for (let k = 0; k < o.signIns; k++) {
    const i = who();
    const place = r() < 0.7 ? officeOf(i) : homeOf(i, officeOf(i));
    const t = minutes(at, r() * 60);
    out.push(signIn(staff(i), t, { place, userAgent: browserOf(i), sessionId: session(i, t) }));
  }
  for (let k = 0; k < o.mistypes; k++) {
    const i = who();
    const place = r() < 0.5 ? officeOf(i) : homeOf(i, officeOf(i));
    const t = o.wave ? (k * 3) / o.mistypes : r() * 55;
    const ok = minutes(at, t + 1 + r());
    out.push(failedSignIn(staff(i), minutes(at, t), 'INVALID_CREDENTIALS', { place, userAgent: browserOf(i) }));
    out.push(signIn(staff(i), ok, { place, userAgent: browserOf(i), sessionId: session(i, ok) }));
  }
  for (let k = 0; k < (o.gaveUp ?? 0); k++) {
    const i = who();
    const t = r() * 50;
    const ok = minutes(at, t + 5 + r() * 5);
    out.push(failedSignIn(staff(i), minutes(at, t), 'INVALID_CREDENTIALS', { place: officeOf(i), userAgent: browserOf(i) }));
    out.push(signIn(staff(i), ok, { place: phoneOf(i, officeOf(i)), userAgent: PHONE, sessionId: session(i, ok) }));
  }
  for (let k = 0; k < (o.gaveUpAtHome ?? 0); k++) {
    const i = who();
    out.push(failedSignIn(staff(i), minutes(at, r() * 50), 'INVALID_CREDENTIALS', { place: homeOf(i, officeOf(i)), userAgent: browserOf(i) }));
  }
  for (let k = 0; k < (o.wrongUsernames ?? 0); k++) {
    const i = who();
    const place = officeOf(i);
    const t = r() * 55;
    const ok = minutes(at, t + 0.5);
    out.push(unknownUserSignIn(`user${i}@bigco.exmaple`, minutes(at, t), { place, userAgent: browserOf(i) }));
    out.push(signIn(staff(i), ok, { place, userAgent: browserOf(i), sessionId: session(i, ok) }));
  }
  return out;
}

/** `hours` consecutive hours of {@link orgHour} from `at`. */
export function orgHours(at: number, hours: number, o: OrgHour): OktaLogEvent[] {
  return Array.from({ length: hours }, (_, h) => orgHour(minutes(at, h * 60), o)).flat();
}

/** Residential-proxy exits a spray rotates through. */
export const PROXY_EXITS: readonly Place[] = Array.from({ length: 40 }, (_, i) => ({ ...PLACES.torExit, ip: `185.220.${100 + (i >> 4)}.${(i * 7) % 250 + 1}`, isProxy: false, asOrg: 'residential proxy' }));

/** A spray: one try at each of `accounts` (org member indexes), one every `everyMinutes`, each from the next exit. */
export function spray(at: number, accounts: readonly number[], o: { everyMinutes?: number; exits?: readonly Place[]; userAgent?: string } = {}): OktaLogEvent[] {
  const exits = o.exits ?? PROXY_EXITS;
  return accounts.map((i, k) => failedSignIn(staff(i), minutes(at, k * (o.everyMinutes ?? 1)), 'INVALID_CREDENTIALS', { place: exits[k % exits.length], userAgent: o.userAgent ?? BROWSERS[0] }));
}

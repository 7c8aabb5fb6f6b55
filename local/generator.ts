/**
 * A realistic day of Okta System Log for one org, deterministic for a seed: hundreds of users signing in during their
 * office hours (a morning rush first) with Okta Verify, using apps, the odd mistyped password or username and rejected
 * push — and, unless turned off, a handful of attacks. What makes a benign day hard for the detections:
 * - shared egress: everyone at an office behind one NAT IP, and most home workers on the corporate VPN (one egress IP per
 *   region; Berlin's concentrator is in Frankfurt, 420 km away), with their typos mixed in at the same IP;
 * - phones: pushes answered on the phone, on Wi-Fi or its carrier (a fresh carrier-grade NAT address per connection,
 *   IPv6 on T-Mobile, geolocated in the same city); many people also browse in a concurrent session on the phone;
 *   now and then someone sets up a new phone and signs in to half a dozen apps in a row;
 * - laptops changing networks mid-session (VPN on or off), browsers updating mid-session;
 * - new hires: created, activated and signing in for the first time the same day (temporary password mistyped);
 * - admins in the Admin Console: onboarding, app assignments, profile edits, a leaver, a help-desk password reset,
 *   a password policy tweak;
 * - Okta's own events: policy.evaluate_sign_on, user.session.end, system.email.*, rate-limit warnings (and at most one
 *   violation) from an HR sync, ThreatInsight blocking internet noise.
 * Delivery is realistic too: a few events arrive late, a few twice, some carry Okta's quirks.
 */
import { envelope, logEvent, person, PLACES, uuidFrom, userActor, type Person, type Place } from '../src/okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../src/okta/log-event';

export interface DayOptions {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly org: string;
  /** Partner event source (for envelopes). */
  readonly source: string;
  /** @default 300 */
  readonly users?: number;
  /** @default 42 */
  readonly seed?: number;
  /** Inject the attack scenarios. @default true */
  readonly attacks?: boolean;
  /** Share of events delivered 20-80 minutes late. @default 0.02 */
  readonly lateRate?: number;
  /** Share of events delivered twice. @default 0.005 */
  readonly duplicateRate?: number;
}

export interface Delivery {
  /** When the event reaches the bus (epoch ms). */
  readonly at: number;
  /** An EventBridge envelope, or a raw line that is not valid JSON. */
  readonly event: unknown;
  readonly raw?: string;
}

export interface GeneratedDay {
  readonly events: OktaLogEvent[];
  readonly deliveries: Delivery[];
  /** What was injected, for the demo's printout and the tests. */
  readonly attacks: Array<{ readonly name: string; readonly at: string; readonly user?: string }>;
  readonly users: Person[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Office {
  readonly place: Place;
  /** Hours to add to UTC for local time. */
  readonly utcOffset: number;
  readonly weight: number;
  /** Where the corporate VPN concentrator for this office's people egresses (Berlin's is in Frankfurt, 420 km away). */
  readonly vpn: Omit<Place, 'ip' | 'asOrg' | 'isp'> & { readonly ips: readonly string[] };
  /** Mobile carriers of the office's country. */
  readonly carriers: readonly Carrier[];
}

/** A mobile carrier: every phone connection gets a fresh carrier-grade NAT address from its pool. */
interface Carrier {
  readonly asOrg: string;
  readonly isp: string;
  readonly asNumber: number;
  readonly ip: (r: () => number) => string;
}

const octet = (r: () => number) => Math.floor(r() * 254) + 1;
const hex4 = (r: () => number) => Math.floor(r() * 0xffff).toString(16);
const US_CARRIERS: Carrier[] = [
  { asOrg: 't-mobile usa, inc.', isp: 't-mobile usa', asNumber: 21928, ip: (r) => `2607:fb90:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}` },
  { asOrg: 'verizon wireless', isp: 'verizon wireless', asNumber: 6167, ip: (r) => `174.${200 + Math.floor(r() * 30)}.${octet(r)}.${octet(r)}` },
  { asOrg: 'at&t mobility llc', isp: 'at&t wireless', asNumber: 20057, ip: (r) => `166.${170 + Math.floor(r() * 30)}.${octet(r)}.${octet(r)}` },
];
const UK_CARRIERS: Carrier[] = [
  { asOrg: 'ee limited', isp: 'ee', asNumber: 12576, ip: (r) => `31.94.${octet(r)}.${octet(r)}` },
  { asOrg: 'vodafone limited', isp: 'vodafone uk', asNumber: 25135, ip: (r) => `82.132.${octet(r)}.${octet(r)}` },
];
const DE_CARRIERS: Carrier[] = [
  { asOrg: 'telefonica germany gmbh & co.ohg', isp: 'o2 germany', asNumber: 6805, ip: (r) => `176.6.${octet(r)}.${octet(r)}` },
  { asOrg: 'vodafone gmbh', isp: 'vodafone germany', asNumber: 3209, ip: (r) => `109.43.${octet(r)}.${octet(r)}` },
  { asOrg: 'deutsche telekom ag', isp: 'telekom deutschland mobil', asNumber: 3320, ip: (r) => `80.187.${octet(r)}.${octet(r)}` },
];

const OFFICES: Office[] = [
  {
    place: PLACES.sanFrancisco,
    utcOffset: -8,
    weight: 0.4,
    vpn: { ips: ['64.124.32.11'], city: 'San Francisco', state: 'California', country: 'United States', lat: 37.7858, lon: -122.4008, asNumber: 64512 },
    carriers: US_CARRIERS,
  },
  {
    place: PLACES.newYork,
    utcOffset: -5,
    weight: 0.3,
    vpn: { ips: ['64.125.20.21'], city: 'New York', state: 'New York', country: 'United States', lat: 40.7411, lon: -74.0037, asNumber: 64512 },
    carriers: US_CARRIERS,
  },
  {
    place: PLACES.london,
    utcOffset: 0,
    weight: 0.2,
    vpn: { ips: ['81.23.40.11', '81.23.40.12'], city: 'London', state: 'England', country: 'United Kingdom', lat: 51.5136, lon: -0.0893, asNumber: 64513 },
    carriers: UK_CARRIERS,
  },
  {
    place: PLACES.berlin,
    utcOffset: 1,
    weight: 0.1,
    vpn: { ips: ['91.198.44.7'], city: 'Frankfurt am Main', state: 'Hesse', country: 'Germany', lat: 50.1109, lon: 8.6821, asNumber: 64513 },
    carriers: DE_CARRIERS,
  },
];

const FIRST = ['alex', 'sam', 'jordan', 'taylor', 'morgan', 'casey', 'riley', 'jamie', 'avery', 'quinn', 'dana', 'robin', 'kai', 'noa', 'lee', 'max', 'ana', 'li', 'omar', 'eva'];
const LAST = ['smith', 'garcia', 'chen', 'patel', 'kim', 'nguyen', 'muller', 'rossi', 'silva', 'brown', 'khan', 'cohen', 'sato', 'novak', 'dubois'];
const APPS = [
  { id: '0oa1slack0000000001', name: 'Slack' },
  { id: '0oa1gwork0000000002', name: 'Google Workspace' },
  { id: '0oa1github000000003', name: 'GitHub Enterprise' },
  { id: '0oa1jira00000000004', name: 'Jira' },
  { id: '0oa1aws000000000005', name: 'AWS IAM Identity Center' },
  { id: '0oa1salesf000000006', name: 'Salesforce' },
];
const MOBILE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36';
const WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const MAC_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const HOUR_MS = 3_600_000;
const MIN_MS = 60_000;

const GROUPS = [
  { id: '00g1engineering00001', type: 'UserGroup', alternateId: 'Engineering', displayName: 'Engineering', detailEntry: null },
  { id: '00g1sales0000000002', type: 'UserGroup', alternateId: 'Sales', displayName: 'Sales', detailEntry: null },
  { id: '00g1everyone0000003', type: 'UserGroup', alternateId: 'Everyone', displayName: 'Everyone', detailEntry: null },
];
const OKTA_SYSTEM: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };
/** Okta's own servers: what `client` says on events Okta emits itself (emails, rate limits). */
const OKTA_DC: Place = { ip: '3.217.166.60', city: 'Ashburn', state: 'Virginia', country: 'United States', lat: 39.0438, lon: -77.4874, asOrg: 'amazon.com, inc.', isp: 'amazon.com', asNumber: 14618 };

interface User {
  readonly p: Person;
  readonly office: Office;
  /** Home broadband. */
  readonly place: Place;
  readonly ua: string;
  readonly admin: boolean;
  /** Share of days at home spent on the corporate VPN (full tunnel). */
  readonly vpnShare: number;
  readonly carrier: Carrier;
  readonly phoneUa: string;
  /** Device token hashes (`debugData.dtHash`) of the laptop and phone browsers. */
  readonly dt: { readonly laptop: string; readonly phone: string };
}

function appTarget(app: (typeof APPS)[number]): OktaActor {
  return { id: app.id, type: 'AppInstance', alternateId: app.name, displayName: app.name, detailEntry: { signOnModeType: 'SAML_2_0' } };
}

function userTargetOf(p: Person): OktaActor {
  return { ...userActor(p) };
}

export function generateDay(options: DayOptions): GeneratedDay {
  const rnd = mulberry32(options.seed ?? 42);
  const traits = mulberry32(((options.seed ?? 42) ^ 0x9e3779b9) >>> 0);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const dayStart = Date.parse(`${options.day}T00:00:00Z`);
  if (!Number.isFinite(dayStart)) throw new Error(`day ${options.day} is not YYYY-MM-DD`);
  const dayEnd = dayStart + 86_400_000;
  const domain = `${options.org}.example`;
  const events: OktaLogEvent[] = [];
  const attacks: GeneratedDay['attacks'] = [];
  const n = options.users ?? 300;
  let seq = 0;
  const uuid = () => uuidFrom(`${options.org}|${options.day}|${options.seed ?? 42}|${seq++}`);
  const push = (e: Parameters<typeof logEvent>[0]) => {
    events.push(logEvent({ ...e, uuid: uuid() }));
  };
  const newSession = () => `102${uuid().replace(/-/g, '').slice(0, 22)}`;
  /** Local office time (hours, may exceed 24) to UTC epoch ms, wrapped into the generated day. */
  const local = (office: Office, hour: number) => {
    let t = dayStart + (hour - office.utcOffset) * HOUR_MS;
    while (t < dayStart) t += 86_400_000;
    while (t >= dayEnd) t -= 86_400_000;
    return t;
  };
  const vpnPlace = (office: Office, i: number): Place => ({
    ...office.vpn,
    ip: office.vpn.ips[i % office.vpn.ips.length],
    asOrg: `${options.org} corp`,
    isp: `${options.org} corp`,
    isProxy: false,
  });
  /** A phone on its carrier: a fresh CGNAT address, geolocated in the same city (city-level accuracy). */
  const cellular = (u: User): Place => ({
    ip: u.carrier.ip(rnd),
    city: u.office.place.city,
    state: u.office.place.state,
    country: u.office.place.country,
    lat: u.office.place.lat + (rnd() - 0.5) * 0.2,
    lon: u.office.place.lon + (rnd() - 0.5) * 0.2,
    asOrg: u.carrier.asOrg,
    isp: u.carrier.isp,
    asNumber: u.carrier.asNumber,
    isProxy: false,
  });

  const users: User[] = [];
  for (let i = 0; i < n; i++) {
    const login = `${pick(FIRST)}.${pick(LAST)}${i}@${domain}`;
    let r = rnd();
    const office = OFFICES.find((o) => (r -= o.weight) < 0) ?? OFFICES[0];
    const jitter = () => (rnd() - 0.5) * 0.3;
    const place: Place = {
      ...office.place,
      ip: `73.${(i >> 8) & 255}.${i & 255}.${10 + Math.floor(rnd() * 200)}`,
      lat: office.place.lat + jitter(),
      lon: office.place.lon + jitter(),
      isProxy: false,
    };
    const ua = rnd() < 0.6 ? MAC_UA : WINDOWS_UA;
    // Drawn from a second stream, so logins, offices and home IPs stay what they were before phones and VPNs.
    const v = traits();
    const p = person(login);
    users.push({
      p,
      office,
      place,
      ua,
      admin: i < 4,
      vpnShare: v < 0.55 ? 0.9 : v < 0.7 ? 0.5 : 0,
      carrier: office.carriers[Math.floor(traits() * office.carriers.length)],
      phoneUa: traits() < 0.6 ? MOBILE_UA : ANDROID_UA,
      dt: { laptop: uuidFrom(`dt|${p.id}|laptop`).replace(/-/g, '').slice(0, 27), phone: uuidFrom(`dt|${p.id}|phone`).replace(/-/g, '').slice(0, 27) },
    });
  }

  interface Device {
    readonly place: Place;
    readonly ua: string;
    readonly dt: string;
  }

  /** An unknown-username typo of a login: the part before @, a dropped letter, or the personal address. */
  const typoOf = (login: string): string => {
    const [name] = login.split('@');
    const k = Math.floor(rnd() * 3);
    if (k === 0) return name;
    if (k === 1) return login.replace(/[aeiou]/, '');
    return `${name.replace(/\d+$/, '')}@gmail.example`;
  };

  /**
   * One sign-in and what follows it: mistyped password or username now and then, the session, the global session
   * policy, the Okta Verify push (answered on the phone, wherever the phone is), SSO to apps, and the logout.
   * Returns the session id and the time the session was last used.
   */
  const signIn = (u: User, start: number, dev: Device, phone: () => Place, opts: { apps?: number; roam?: Place; end?: boolean; firstTime?: boolean } = {}) => {
    let t = start;
    const actor = userActor(u.p);
    const sessionId = newSession();
    const dbg = (extra: Record<string, unknown> = {}) => ({ dtHash: dev.dt, ...extra });
    if (rnd() < 0.015) {
      // The wrong username: Okta does not know it (actor id "unknown"); the user retypes it.
      push({ eventType: 'user.session.start', at: t, actor: { id: 'unknown', type: 'User', alternateId: typoOf(u.p.login), displayName: 'unknown', detailEntry: null }, place: dev.place, userAgent: dev.ua, outcome: 'FAILURE', reason: 'VERIFICATION_ERROR', displayMessage: 'User login to Okta', debugData: dbg() });
      t += 15_000 + rnd() * 30_000;
    }
    if (rnd() < 0.06 || (opts.firstTime && rnd() < 0.4)) {
      const misses = 1 + Math.floor(rnd() * 2);
      for (let m = 0; m < misses; m++) {
        push({ eventType: 'user.session.start', at: t, actor, place: dev.place, userAgent: dev.ua, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD', displayMessage: 'User login to Okta', debugData: dbg() });
        t += 20_000 + rnd() * 40_000;
      }
    }
    push({ eventType: 'policy.evaluate_sign_on', at: t, actor, place: dev.place, userAgent: dev.ua, outcome: 'ALLOW', sessionId, displayMessage: 'Evaluation of sign-on policy', debugData: dbg({ behaviors: '{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE}' }), target: [{ id: '00p1globalsession001', type: 'PolicyEntity', alternateId: 'unknown', displayName: 'Default Policy', detailEntry: { policyType: 'OktaSignOn' } }] });
    push({ eventType: 'user.session.start', at: t, actor, place: dev.place, userAgent: dev.ua, outcome: 'SUCCESS', sessionId, credentialType: 'PASSWORD', displayMessage: 'User login to Okta', debugData: dbg() });
    t += 5_000 + rnd() * 10_000;
    const approver = phone();
    push({ eventType: 'system.push.send_factor_verify_push', at: t, actor, place: dev.place, userAgent: dev.ua, outcome: 'SUCCESS', sessionId, displayMessage: 'Push notification sent for verification' });
    t += 4_000 + rnd() * 8_000;
    if (rnd() < 0.02) {
      push({ eventType: 'user.authentication.auth_via_mfa', at: t, actor, place: approver, userAgent: u.phoneUa, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH', pushOnlyResponseType: 'REJECT' } });
      t += 20_000;
      push({ eventType: 'system.push.send_factor_verify_push', at: t, actor, place: dev.place, userAgent: dev.ua, outcome: 'SUCCESS', sessionId });
      t += 6_000;
    }
    push({ eventType: 'user.authentication.auth_via_mfa', at: t, actor, place: approver, userAgent: u.phoneUa, outcome: 'SUCCESS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH' }, displayMessage: 'Authentication of user via MFA' });
    // Now and then the browser updates itself mid-session (same browser, new version number).
    const updated = rnd() < 0.02 ? dev.ua.replace(/Chrome\/131/, 'Chrome/132').replace(/Edg\/131/, 'Edg/132') : dev.ua;
    const apps = opts.apps ?? 1 + Math.floor(rnd() * 5);
    let where = dev.place;
    for (let a = 0; a < apps; a++) {
      t += 60_000 + rnd() * 1_800_000;
      // Halfway through, a laptop may change networks (VPN connected or dropped, home to office): same browser, new IP.
      if (opts.roam && a === Math.floor(apps / 2)) where = opts.roam;
      const app = pick(APPS);
      const ua = a > 0 ? updated : dev.ua;
      push({ eventType: 'policy.evaluate_sign_on', at: t, actor, place: where, userAgent: ua, outcome: 'ALLOW', sessionId, displayMessage: 'Evaluation of sign-on policy', target: [appTarget(app)], debugData: dbg() });
      push({ eventType: 'user.authentication.sso', at: t, actor, place: where, userAgent: ua, outcome: 'SUCCESS', sessionId, target: [appTarget(app)], displayMessage: 'User single sign on to app' });
    }
    if (opts.end !== false) {
      t += 600_000 + rnd() * 3_600_000;
      if (t < dayEnd) push({ eventType: 'user.session.end', at: t, actor, place: where, userAgent: dev.ua, outcome: 'SUCCESS', sessionId, displayMessage: 'User logout from Okta' });
    }
    return { sessionId, t, where };
  };

  // Ordinary work: every user, one to three sessions in their office hours (the first in the morning rush), from
  // the office NAT (shared by everyone there) or from home, often through the corporate VPN (shared as well).
  // Okta Verify pushes are answered on the phone, on Wi-Fi or its carrier; many people also use their phone's
  // browser in a session of its own, concurrent with the laptop's.
  for (const [i, u] of users.entries()) {
    const atOffice = u.admin || rnd() < 0.45;
    const wifi = atOffice ? u.office.place : u.place;
    const laptopNet = atOffice ? u.office.place : rnd() < u.vpnShare ? vpnPlace(u.office, i) : u.place;
    const phoneNet = () => (rnd() < 0.5 ? wifi : cellular(u));
    const laptop: Device = { place: laptopNet, ua: u.ua, dt: u.dt.laptop };
    const sessions = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < sessions; s++) {
      const hour = s === 0 ? 8 + rnd() * 1.5 : 9.5 + rnd() * 7.5;
      const t = local(u.office, hour);
      if (rnd() < 0.15) {
        // The day's session on the phone's browser instead.
        const net = phoneNet();
        signIn(u, t, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net);
        continue;
      }
      if (rnd() < 0.007) {
        // A mistyped password on the laptop, then the user gives up and signs in on the phone a few minutes later.
        push({ eventType: 'user.session.start', at: t, actor: userActor(u.p), place: laptop.place, userAgent: laptop.ua, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD', displayMessage: 'User login to Okta', debugData: { dtHash: laptop.dt } });
        const net = phoneNet();
        signIn(u, t + 120_000 + rnd() * 600_000, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net);
        continue;
      }
      // From home, a laptop may connect to or drop off the VPN mid-session.
      const roam = !atOffice && u.vpnShare > 0 && rnd() < 0.2 ? (laptopNet === u.place ? vpnPlace(u.office, i) : u.place) : undefined;
      signIn(u, t, laptop, phoneNet, { roam });
      if (rnd() < 0.35) {
        // Laptop and phone at once: a second, concurrent session on the phone's browser, which may hop between Wi-Fi
        // and the carrier while it lasts.
        const net = phoneNet();
        const roamPhone = rnd() < 0.3 ? (net === wifi ? cellular(u) : wifi) : undefined;
        signIn(u, t + (10 + rnd() * 90) * MIN_MS, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net, { apps: 1 + Math.floor(rnd() * 3), roam: roamPhone });
      }
    }
  }

  // Someone sets up a new phone in the evening: enrols Okta Verify on it, removes the old phone's factor, and signs in
  // to half a dozen mobile apps one after the other, each in a fresh session, on home Wi-Fi and the carrier.
  for (const u of users) {
    if (rnd() >= 0.01) continue;
    let t = local(u.office, 19 + rnd() * 2);
    const actor = userActor(u.p);
    const factor = { id: `opf${u.p.id.slice(3, 17)}new`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed: 'Okta Verify (push)' } };
    push({ eventType: 'user.mfa.factor.activate', at: t, actor, place: u.place, userAgent: u.phoneUa, outcome: 'SUCCESS', reason: 'User set up OKTA_VERIFY_PUSH factor', target: [userTargetOf(u.p), factor], displayMessage: 'Activate factor or authenticator' });
    push({ eventType: 'system.email.mfa_enroll_notification.sent_message', at: t + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userTargetOf(u.p)], displayMessage: 'Send factor enrollment notification email' });
    push({ eventType: 'user.mfa.factor.deactivate', at: t + 60_000, actor, place: u.place, userAgent: u.phoneUa, outcome: 'SUCCESS', reason: 'User reset OKTA_VERIFY_PUSH factor', target: [userTargetOf(u.p), { ...factor, id: `opf${u.p.id.slice(3, 17)}old` }], displayMessage: 'Reset factor for user' });
    t += 3 * MIN_MS;
    for (let k = 0; k < 5 + Math.floor(rnd() * 2); k++) {
      const net = rnd() < 0.4 ? u.place : cellular(u);
      const { t: last } = signIn(u, t, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net, { apps: 1, end: false });
      if (k === 0) push({ eventType: 'system.email.new_device_notification.sent_message', at: last, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userTargetOf(u.p)], displayMessage: 'Send user new device notification email' });
      t = last + (1 + rnd() * 5) * MIN_MS;
    }
  }

  // Admin routine, in an Admin Console session from the office: onboarding (one of the new hires starts today and
  // signs in for the first time), app assignments, profile edits, a leaver, a help-desk password reset, now and then
  // a password policy tweak. None of it is a detection target.
  for (const a of users.filter((u) => u.admin)) {
    const adminSession = signIn(a, local(a.office, 9.5 + rnd()), { place: a.office.place, ua: a.ua, dt: a.dt.laptop }, () => a.office.place, { apps: 1, end: false });
    const admin = userActor(a.p);
    const act = (eventType: string, at: number, target: OktaActor[], displayMessage: string, debugData: Record<string, unknown> = {}) =>
      push({ eventType, at, actor: admin, place: a.office.place, userAgent: a.ua, outcome: 'SUCCESS', sessionId: adminSession.sessionId, target, displayMessage, debugData: { dtHash: a.dt.laptop, ...debugData } });
    let t = adminSession.t + 60_000;
    act('user.session.access_admin_app', t, [{ id: '0oa1oktaadmin000001', type: 'AppInstance', alternateId: 'Okta Admin Console', displayName: 'Okta Admin Console', detailEntry: null }], 'User accessing Okta admin app');
    for (let k = 0; k < 3; k++) {
      t = Math.max(t + 2 * MIN_MS, local(a.office, 10 + rnd() * 6));
      const newcomer = person(`new.hire${Math.floor(rnd() * 1e6)}@${domain}`);
      act('user.lifecycle.create', t, [userTargetOf(newcomer)], 'Create Okta user');
      act('group.user_membership.add', t + 30_000, [userTargetOf(newcomer), GROUPS[k % 2]], 'Add user to group membership');
      act('application.user_membership.add', t + 50_000, [userTargetOf(newcomer), appTarget(APPS[0])], 'Add user to application membership');
      if (k > 0) continue;
      // This one starts today: activation email, first sign-in at the IT desk (the temporary password mistyped now
      // and then), own password, Okta Verify enrolment; later the same day from home.
      act('user.lifecycle.activate', t + 70_000, [userTargetOf(newcomer)], 'Activate Okta user');
      push({ eventType: 'system.email.delivery', at: t + 75_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userTargetOf(newcomer)], displayMessage: 'Email delivery', debugData: { deliveryStatus: 'DELIVERED' } });
      const hire: User = { ...a, p: newcomer, admin: false, vpnShare: 0, place: { ...a.place, ip: `73.250.${Math.floor(rnd() * 250)}.${10 + Math.floor(rnd() * 200)}` }, dt: { laptop: uuidFrom(`dt|${newcomer.id}|laptop`).replace(/-/g, '').slice(0, 27), phone: uuidFrom(`dt|${newcomer.id}|phone`).replace(/-/g, '').slice(0, 27) } };
      let h = t + (15 + rnd() * 30) * MIN_MS;
      const actor = userActor(newcomer);
      const first = signIn(hire, h, { place: a.office.place, ua: MAC_UA, dt: hire.dt.laptop }, () => a.office.place, { apps: 2, end: false, firstTime: true });
      h = first.t + 60_000;
      push({ eventType: 'user.account.update_password', at: h, actor, place: a.office.place, userAgent: MAC_UA, outcome: 'SUCCESS', sessionId: first.sessionId, target: [userTargetOf(newcomer)], displayMessage: 'User update password for Okta' });
      push({ eventType: 'user.mfa.factor.activate', at: h + 90_000, actor, place: a.office.place, userAgent: hire.phoneUa, outcome: 'SUCCESS', reason: 'User set up OKTA_VERIFY_PUSH factor', target: [userTargetOf(newcomer), { id: `opf${newcomer.id.slice(3, 17)}`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: null }], displayMessage: 'Activate factor or authenticator' });
      push({ eventType: 'system.email.mfa_enroll_notification.sent_message', at: h + 95_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userTargetOf(newcomer)], displayMessage: 'Send factor enrollment notification email' });
      signIn(hire, local(a.office, 19 + rnd() * 2), { place: hire.place, ua: MAC_UA, dt: hire.dt.laptop }, () => (rnd() < 0.5 ? hire.place : cellular(hire)));
    }
    // Profile edits and a leaver.
    const colleague = pick(users).p;
    const leaver = person(`leaver${Math.floor(rnd() * 1e6)}@${domain}`);
    t = Math.max(t + 5 * MIN_MS, local(a.office, 14 + rnd() * 2));
    act('user.account.update_profile', t, [userTargetOf(colleague)], 'Update user profile for Okta', { changedAttributes: 'title,department' });
    act('user.lifecycle.deactivate', t + 3 * MIN_MS, [userTargetOf(leaver)], 'Deactivate Okta user');
    act('user.session.clear', t + 3 * MIN_MS + 10_000, [userTargetOf(leaver)], 'Clear user session');
    act('group.user_membership.remove', t + 3 * MIN_MS + 20_000, [userTargetOf(leaver), GROUPS[0]], 'Remove user from group membership');
    act('application.user_membership.remove', t + 3 * MIN_MS + 30_000, [userTargetOf(leaver), appTarget(APPS[1])], 'Remove user from application membership');
    // A help-desk password reset for someone who forgot theirs; they set a new one and sign in.
    const forgetful = pick(users.filter((u) => !u.admin));
    const rt = t + 20 * MIN_MS;
    act('user.account.reset_password', rt, [userTargetOf(forgetful.p)], 'Reset password for user');
    push({ eventType: 'system.email.password_reset.sent_message', at: rt + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userTargetOf(forgetful.p)], displayMessage: 'Send user password reset email' });
    push({ eventType: 'user.account.update_password', at: rt + 8 * MIN_MS, actor: userActor(forgetful.p), place: forgetful.place, userAgent: forgetful.ua, outcome: 'SUCCESS', target: [userTargetOf(forgetful.p)], displayMessage: 'User update password for Okta' });
    signIn(forgetful, rt + 9 * MIN_MS, { place: forgetful.place, ua: forgetful.ua, dt: forgetful.dt.laptop }, () => forgetful.place, { apps: 1 });
    if (rnd() < 0.3) {
      const rule = { id: '0pr1pwdrule00000001', type: 'PolicyRule', alternateId: 'unknown', displayName: 'Default Rule', detailEntry: null };
      const policy = { id: '00p1passwordpolicy01', type: 'PolicyEntity', alternateId: 'unknown', displayName: 'Default Password Policy', detailEntry: { policyType: 'Password' } };
      act('policy.rule.update', rt + 30 * MIN_MS, [rule, policy], 'Update policy rule');
    }
  }

  // Okta's own events: rate-limit warnings from the HR sync's bulk reads (now and then one violation), and
  // ThreatInsight blocking internet noise before it reaches a sign-in (log and enforce: outcome DENY).
  const hrSync: OktaActor = { id: '0oa1hrsyncclient0001', type: 'PublicClientApp', alternateId: 'HRIS sync', displayName: 'HRIS sync', detailEntry: null };
  for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
    push({ eventType: 'system.org.rate_limit.warning', at: dayStart + (1 + rnd() * 4) * HOUR_MS, actor: hrSync, place: OKTA_DC, outcome: 'SUCCESS', displayMessage: 'Rate limit warning', debugData: { requestUri: '/api/v1/users', threshold: '80' } });
  }
  if (rnd() < 0.5) push({ eventType: 'system.org.rate_limit.violation', at: dayStart + (2 + rnd() * 3) * HOUR_MS, actor: hrSync, place: OKTA_DC, outcome: 'DENY', displayMessage: 'Rate limit violation', debugData: { requestUri: '/api/v1/users' } });
  const noise: Place[] = [PLACES.lagos, PLACES.moscow, { ...PLACES.berlin, ip: '185.220.101.45', asOrg: 'hosting provider', isp: 'hosting' }];
  for (let k = 0; k < 2 + Math.floor(rnd() * 4); k++) {
    const from = pick(noise);
    push({ eventType: 'security.threat.detected', at: dayStart + rnd() * 86_000_000, actor: { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'unknown', detailEntry: null }, place: { ...from, ip: `${from.ip.split('.').slice(0, 3).join('.')}.${octet(rnd)}` }, userAgent: 'python-requests/2.31.0', outcome: 'DENY', reason: pick(['Password Spray', 'Login failures']), displayMessage: 'Request from suspicious actor', debugData: { threatDetections: '{"Password Spray":"HIGH"}' } });
  }

  if (options.attacks !== false) {
    const [v1, v2] = [users[10], users[11]];
    const lagos: Place = { ...PLACES.lagos, ip: '102.89.34.17' };
    const moscow: Place = { ...PLACES.moscow, ip: '95.173.136.70' };
    // 1. Brute force against one user, 03:10-03:40 UTC.
    let t = dayStart + 3 * 3_600_000 + 10 * 60_000;
    for (let k = 0; k < 25; k++) push({ eventType: 'user.session.start', at: t + k * 70_000, actor: userActor(v1.p), place: lagos, userAgent: 'python-requests/2.32.3', outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
    attacks.push({ name: 'brute force against one user', at: new Date(t).toISOString(), user: v1.p.login });
    // 2. Password spray from one IP, 05:02-05:42 UTC: 40 users, one try each.
    t = dayStart + 5 * 3_600_000 + 2 * 60_000;
    for (let k = 0; k < 40; k++) push({ eventType: 'user.session.start', at: t + k * 60_000, actor: userActor(users[50 + k].p), place: moscow, userAgent: MAC_UA, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
    attacks.push({ name: 'password spray from one IP', at: new Date(t).toISOString() });
    // 3. Push fatigue on v2 at 14:00 UTC from Moscow, then the user gives in; then the attacker persists.
    t = dayStart + 14 * 3_600_000;
    const session = '102attackersession0001';
    push({ eventType: 'user.session.start', at: t, actor: userActor(v2.p), place: moscow, userAgent: MAC_UA, outcome: 'SUCCESS', sessionId: session, credentialType: 'PASSWORD' });
    for (let k = 0; k < 5; k++) {
      push({ eventType: 'system.push.send_factor_verify_push', at: t + 10_000 + k * 60_000, actor: userActor(v2.p), place: moscow, userAgent: MAC_UA, outcome: 'SUCCESS', sessionId: session });
      push({ eventType: 'user.authentication.auth_via_mfa', at: t + 40_000 + k * 60_000, actor: userActor(v2.p), place: v2.place, userAgent: MOBILE_UA, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', sessionId: session, debugData: { factor: 'OKTA_VERIFY_PUSH', pushOnlyResponseType: 'REJECT' } });
    }
    push({ eventType: 'system.push.send_factor_verify_push', at: t + 5 * 60_000 + 50_000, actor: userActor(v2.p), place: moscow, userAgent: MAC_UA, outcome: 'SUCCESS', sessionId: session });
    push({ eventType: 'user.authentication.auth_via_mfa', at: t + 6 * 60_000, actor: userActor(v2.p), place: v2.place, userAgent: MOBILE_UA, outcome: 'SUCCESS', sessionId: session, debugData: { factor: 'OKTA_VERIFY_PUSH' } });
    attacks.push({ name: 'MFA push fatigue, then approval', at: new Date(t).toISOString(), user: v2.p.login });
    // 4. The attacker makes a second account a super administrator.
    const backdoor = person(`svc-backup@${domain}`, 'svc backup');
    push({ eventType: 'user.account.privilege.grant', at: t + 20 * 60_000, actor: userActor(v2.p), place: moscow, userAgent: MAC_UA, outcome: 'SUCCESS', target: [{ ...userActor(backdoor) }], debugData: { privilegeGranted: 'Super administrator' }, displayMessage: 'Grant user privilege' });
    attacks.push({ name: 'admin role granted by the compromised account', at: new Date(t + 20 * 60_000).toISOString(), user: backdoor.login });
    // 5. ... and turns off the log stream that feeds Vigil.
    push({ eventType: 'system.log_stream.lifecycle.deactivate', at: t + 25 * 60_000, actor: userActor(v2.p), place: moscow, userAgent: MAC_UA, outcome: 'SUCCESS', target: [{ id: '0oxlogstream0000001', type: 'LogStream', alternateId: 'aws_eventbridge', displayName: 'Vigil EventBridge stream', detailEntry: null }], displayMessage: 'Deactivate log stream' });
    attacks.push({ name: 'log stream deactivated', at: new Date(t + 25 * 60_000).toISOString() });
  }

  events.sort((a, b) => a.published.localeCompare(b.published));

  // Delivery: at least once, sometimes late, sometimes twice; some events carry Okta's quirks.
  const deliveries: Delivery[] = [];
  const late = options.lateRate ?? 0.02;
  const dup = options.duplicateRate ?? 0.005;
  for (const e of events) {
    let ev: OktaLogEvent = e;
    const q = rnd();
    if (q < 0.01) ev = { ...e, client: {} };
    else if (q < 0.02) ev = { ...e, securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null } };
    else if (q < 0.03) ev = { ...e, target: null };
    const env = envelope(ev, { source: options.source });
    const t = Date.parse(e.published);
    const at = rnd() < late ? t + (20 + rnd() * 60) * 60_000 : t + 1_000 + rnd() * 4_000;
    deliveries.push({ at, event: env });
    if (rnd() < dup) deliveries.push({ at: at + rnd() * 600_000, event: env });
  }
  // Two broken records and one event from a different source on the bus.
  deliveries.push({ at: dayStart + 9.5 * 3_600_000, event: undefined, raw: '{"version":"0","detail-type":"SystemLog","source":"aws.partner/okta.com/' });
  deliveries.push({ at: dayStart + 12.5 * 3_600_000, event: envelope({ ...events[0], uuid: '', eventType: '' } as OktaLogEvent, { source: options.source }) });
  deliveries.push({ at: dayStart + 15.5 * 3_600_000, event: { version: '0', id: 'x', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} } });
  deliveries.sort((a, b) => a.at - b.at);
  return { events, deliveries, attacks, users: users.map((u) => u.p) };
}

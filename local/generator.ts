/**
 * A realistic day of Okta System Log for one org, deterministic for a seed: hundreds of users signing in
 * during their office hours with Okta Verify, using apps, the odd mistyped password and rejected push,
 * admins doing admin work — and, unless turned off, a handful of attacks. Delivery is realistic too: a
 * few events arrive late, a few twice, some carry Okta's quirks.
 */
import { envelope, logEvent, person, PLACES, uuidFrom, userActor, type Person, type Place } from '../src/okta/fixtures';
import type { OktaLogEvent } from '../src/okta/log-event';

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
}

const OFFICES: Office[] = [
  { place: PLACES.sanFrancisco, utcOffset: -8, weight: 0.4 },
  { place: PLACES.newYork, utcOffset: -5, weight: 0.3 },
  { place: PLACES.london, utcOffset: 0, weight: 0.2 },
  { place: PLACES.berlin, utcOffset: 1, weight: 0.1 },
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
const WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const MAC_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export function generateDay(options: DayOptions): GeneratedDay {
  const rnd = mulberry32(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const dayStart = Date.parse(`${options.day}T00:00:00Z`);
  if (!Number.isFinite(dayStart)) throw new Error(`day ${options.day} is not YYYY-MM-DD`);
  const domain = `${options.org}.example`;
  const events: OktaLogEvent[] = [];
  const attacks: GeneratedDay['attacks'] = [];
  const n = options.users ?? 300;
  let seq = 0;
  const uuid = () => uuidFrom(`${options.org}|${options.day}|${options.seed ?? 42}|${seq++}`);
  const push = (e: Parameters<typeof logEvent>[0]) => {
    events.push(logEvent({ ...e, uuid: uuid() }));
  };

  const users: Array<{ p: Person; office: Office; place: Place; ua: string; admin: boolean }> = [];
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
    users.push({ p: person(login), office, place, ua: rnd() < 0.6 ? MAC_UA : WINDOWS_UA, admin: i < 4 });
  }

  // Ordinary work: every user, one to three sessions in their office hours.
  for (const u of users) {
    const sessions = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < sessions; s++) {
      const localHour = 8 + rnd() * 9;
      let t = dayStart + (localHour - u.office.utcOffset) * 3_600_000;
      if (t < dayStart) t += 86_400_000;
      if (t >= dayStart + 86_400_000) t -= 86_400_000;
      const mobile = rnd() < 0.15;
      const ua = mobile ? MOBILE_UA : u.ua;
      const sessionId = `102${uuid().replace(/-/g, '').slice(0, 22)}`;
      const actor = userActor(u.p);
      if (rnd() < 0.05) {
        const misses = 1 + Math.floor(rnd() * 2);
        for (let m = 0; m < misses; m++) {
          push({ eventType: 'user.session.start', at: t, actor, place: u.place, userAgent: ua, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
          t += 20_000 + rnd() * 40_000;
        }
      }
      push({ eventType: 'user.session.start', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId, credentialType: 'PASSWORD', displayMessage: 'User login to Okta' });
      t += 5_000 + rnd() * 10_000;
      push({ eventType: 'system.push.send_factor_verify_push', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId, displayMessage: 'Push notification sent for verification' });
      t += 4_000 + rnd() * 8_000;
      if (rnd() < 0.02) {
        push({ eventType: 'user.authentication.auth_via_mfa', at: t, actor, place: u.place, userAgent: ua, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH', pushOnlyResponseType: 'REJECT' } });
        t += 20_000;
        push({ eventType: 'system.push.send_factor_verify_push', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId });
        t += 6_000;
      }
      push({ eventType: 'user.authentication.auth_via_mfa', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH' }, displayMessage: 'Authentication of user via MFA' });
      const apps = 1 + Math.floor(rnd() * 5);
      for (let a = 0; a < apps; a++) {
        t += 60_000 + rnd() * 1_800_000;
        const app = pick(APPS);
        push({ eventType: 'user.authentication.sso', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId, target: [{ id: app.id, type: 'AppInstance', alternateId: app.name, displayName: app.name, detailEntry: { signOnModeType: 'SAML_2_0' } }], displayMessage: 'User single sign on to app' });
      }
      t += 600_000 + rnd() * 3_600_000;
      if (t < dayStart + 86_400_000) push({ eventType: 'user.session.end', at: t, actor, place: u.place, userAgent: ua, outcome: 'SUCCESS', sessionId, displayMessage: 'User logout from Okta' });
    }
  }

  // Admin routine: onboarding people into groups.
  for (const a of users.filter((u) => u.admin)) {
    for (let k = 0; k < 3; k++) {
      const t = dayStart + (10 + rnd() * 6 - a.office.utcOffset) * 3_600_000;
      const newcomer = person(`new.hire${Math.floor(rnd() * 1e6)}@${domain}`);
      push({ eventType: 'user.lifecycle.create', at: t, actor: userActor(a.p), place: a.place, target: [{ ...userActor(newcomer) }], displayMessage: 'Create Okta user' });
      push({ eventType: 'group.user_membership.add', at: t + 30_000, actor: userActor(a.p), place: a.place, target: [{ ...userActor(newcomer) }, { id: '00g1engineering00001', type: 'UserGroup', alternateId: 'Engineering', displayName: 'Engineering', detailEntry: null }], displayMessage: 'Add user to group membership' });
    }
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

/**
 * People at work: their sessions during office hours, and the odd evening spent setting up a new phone.
 */
import { OKTA_SYSTEM, userActor } from '../../src/okta/fixtures';
import { MINUTE } from '../../src/time';
import type { Day } from './day';
import { OKTA_DC } from './org';
import type { User } from './people';
import { cellular, vpnPlace } from './places';
import { signIn, type Device } from './sign-in';

/**
 * Ordinary work: every user who is not `away`, one to three sessions in their office hours (the first in the morning rush), from
 * the office NAT (shared by everyone there) or from home, often through the corporate VPN (shared as well).
 * Okta Verify pushes are answered on the phone, on Wi-Fi or its carrier; many people also use their phone's
 * browser in a session of its own, concurrent with the laptop's.
 */
export function officeHours(day: Day, users: readonly User[], away: ReadonlySet<User>): void {
  const { rnd } = day;
  for (const [i, u] of users.entries()) {
    if (away.has(u)) continue;
    const onCarrier = () => cellular(rnd, u.office, u.carrier);
    const atOffice = u.admin || rnd() < 0.45;
    const wifi = atOffice ? u.office.place : u.place;
    const laptopNet = atOffice ? u.office.place : rnd() < u.vpnShare ? vpnPlace(u.office, i, day.org) : u.place;
    const phoneNet = () => (rnd() < 0.5 ? wifi : onCarrier());
    const laptop: Device = { place: laptopNet, ua: u.ua, dt: u.dt.laptop };
    const sessions = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < sessions; s++) {
      const hour = s === 0 ? 8 + rnd() * 1.5 : 9.5 + rnd() * 7.5;
      const t = day.local(u.office, hour);
      if (rnd() < 0.15) {
        // The day's session on the phone's browser instead.
        const net = phoneNet();
        signIn(day, u, t, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net);
        continue;
      }
      if (rnd() < 0.007) {
        // A mistyped password on the laptop, then the user gives up and signs in on the phone a few minutes later.
        day.push({ eventType: 'user.session.start', at: t, actor: userActor(u.p), place: laptop.place, userAgent: laptop.ua, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD', displayMessage: 'User login to Okta', debugData: { dtHash: laptop.dt } });
        const net = phoneNet();
        signIn(day, u, t + 120_000 + rnd() * 600_000, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net);
        continue;
      }
      // From home, a laptop may connect to or drop off the VPN mid-session.
      const roam = !atOffice && u.vpnShare > 0 && rnd() < 0.2 ? (laptopNet === u.place ? vpnPlace(u.office, i, day.org) : u.place) : undefined;
      signIn(day, u, t, laptop, phoneNet, { roam });
      if (rnd() < 0.35) {
        // Laptop and phone at once: a second, concurrent session on the phone's browser, which may hop between Wi-Fi
        // and the carrier while it lasts.
        const net = phoneNet();
        const roamPhone = rnd() < 0.3 ? (net === wifi ? onCarrier() : wifi) : undefined;
        signIn(day, u, t + (10 + rnd() * 90) * MINUTE, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net, { apps: 1 + Math.floor(rnd() * 3), roam: roamPhone });
      }
    }
  }
}

/**
 * Someone (not `away`) sets up a new phone in the evening: enrols Okta Verify on it, removes the old phone's factor, and signs in
 * to half a dozen mobile apps one after the other, each in a fresh session, on home Wi-Fi and the carrier.
 */
export function newPhones(day: Day, users: readonly User[], away: ReadonlySet<User>): void {
  const { rnd, push } = day;
  for (const u of users) {
    if (away.has(u)) continue;
    if (rnd() >= 0.01) continue;
    let t = day.local(u.office, 19 + rnd() * 2);
    const actor = userActor(u.p);
    const factor = { id: `opf${u.p.id.slice(3, 17)}new`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed: 'Okta Verify (push)' } };
    push({ eventType: 'user.mfa.factor.activate', at: t, actor, place: u.place, userAgent: u.phoneUa, outcome: 'SUCCESS', reason: 'User set up OKTA_VERIFY_PUSH factor', target: [userActor(u.p), factor], displayMessage: 'Activate factor or authenticator' });
    push({ eventType: 'system.email.mfa_enroll_notification.sent_message', at: t + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userActor(u.p)], displayMessage: 'Send factor enrollment notification email' });
    push({ eventType: 'user.mfa.factor.deactivate', at: t + 60_000, actor, place: u.place, userAgent: u.phoneUa, outcome: 'SUCCESS', reason: 'User reset OKTA_VERIFY_PUSH factor', target: [userActor(u.p), { ...factor, id: `opf${u.p.id.slice(3, 17)}old` }], displayMessage: 'Reset factor for user' });
    t += 3 * MINUTE;
    for (let k = 0; k < 5 + Math.floor(rnd() * 2); k++) {
      const net = rnd() < 0.4 ? u.place : cellular(rnd, u.office, u.carrier);
      const { t: last } = signIn(day, u, t, { place: net, ua: u.phoneUa, dt: u.dt.phone }, () => net, { apps: 1, end: false });
      if (k === 0) push({ eventType: 'system.email.new_device_notification.sent_message', at: last, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userActor(u.p)], displayMessage: 'Send user new device notification email' });
      t = last + (1 + rnd() * 5) * MINUTE;
    }
  }
}

/**
 * One sign-in and what follows it: a mistyped username or password now and then, the session, the global session
 * policy, the Okta Verify push (answered on the phone, wherever the phone is), SSO to apps, and the logout.
 */
import { userActor, type Place } from '../../src/okta/fixtures';
import type { Day } from './day';
import { APPS, appTarget, unknownUser } from './org';
import { typoOf, type User } from './people';

/** A browser somewhere: where it connects from, its user agent and its device token hash. */
export interface Device {
  readonly place: Place;
  readonly ua: string;
  readonly dt: string;
}

interface SignInOptions {
  /** Apps signed in to during the session. @default 1 to 5, drawn */
  readonly apps?: number;
  /** The network the device moves to halfway through the session (VPN connected or dropped). @default none */
  readonly roam?: Place;
  /** Whether the user logs out at the end. @default true */
  readonly end?: boolean;
  /** A new hire's first sign-in: the temporary password is mistyped more often. @default false */
  readonly firstTime?: boolean;
}

/** Signs `u` in at `start` on `dev`; `phone` says where the phone is when the push arrives. */
export function signIn(day: Day, u: User, start: number, dev: Device, phone: () => Place, opts: SignInOptions = {}): { sessionId: string; t: number } {
  const { rnd, push } = day;
  let t = start;
  const actor = userActor(u.p);
  const sessionId = day.newSession();
  const dbg = (extra: Record<string, unknown> = {}) => ({ dtHash: dev.dt, ...extra });
  if (rnd() < day.profile.wrongUsername) {
    // The wrong username: Okta does not know it (actor id "unknown"); the user retypes it.
    push({ eventType: 'user.session.start', at: t, actor: unknownUser(typoOf(rnd, u.p.login)), place: dev.place, userAgent: dev.ua, outcome: 'FAILURE', reason: 'VERIFICATION_ERROR', displayMessage: 'User login to Okta', debugData: dbg() });
    t += 15_000 + rnd() * 30_000;
  }
  if (rnd() < day.profile.mistypedPassword || (opts.firstTime && rnd() < 0.4)) {
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
    const app = day.pick(APPS);
    const ua = a > 0 ? updated : dev.ua;
    push({ eventType: 'policy.evaluate_sign_on', at: t, actor, place: where, userAgent: ua, outcome: 'ALLOW', sessionId, displayMessage: 'Evaluation of sign-on policy', target: [appTarget(app)], debugData: dbg() });
    push({ eventType: 'user.authentication.sso', at: t, actor, place: where, userAgent: ua, outcome: 'SUCCESS', sessionId, target: [appTarget(app)], displayMessage: 'User single sign on to app' });
  }
  if (opts.end !== false) {
    t += 600_000 + rnd() * 3_600_000;
    if (t < day.end) push({ eventType: 'user.session.end', at: t, actor, place: where, userAgent: dev.ua, outcome: 'SUCCESS', sessionId, displayMessage: 'User logout from Okta' });
  }
  return { sessionId, t };
}

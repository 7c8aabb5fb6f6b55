/**
 * Admin routine, in an Admin Console session from the office: onboarding (one of the new hires starts today and
 * signs in for the first time), app assignments, profile edits, a leaver, a help-desk password reset, now and then
 * a password policy tweak. None of it is a detection target.
 */
import { BROWSER_UA, OKTA_SYSTEM, person, userActor, type Person } from '../../src/okta/fixtures';
import type { OktaActor } from '../../src/okta/log-event';
import { MINUTE } from '../../src/time';
import type { Day } from './day';
import { APPS, appTarget, GROUPS, OKTA_DC } from './org';
import { deviceTokens, type User } from './people';
import { cellular } from './places';
import { signIn } from './sign-in';

export function adminRoutine(day: Day, users: readonly User[]): void {
  const { rnd, push } = day;
  for (const a of users.filter((u) => u.admin)) {
    const adminSession = signIn(day, a, day.local(a.office, 9.5 + rnd()), { place: a.office.place, ua: a.ua, dt: a.dt.laptop }, () => a.office.place, { apps: 1, end: false });
    const admin = userActor(a.p);
    const act = (eventType: string, at: number, target: OktaActor[], displayMessage: string, debugData: Record<string, unknown> = {}) =>
      push({ eventType, at, actor: admin, place: a.office.place, userAgent: a.ua, outcome: 'SUCCESS', sessionId: adminSession.sessionId, target, displayMessage, debugData: { dtHash: a.dt.laptop, ...debugData } });
    let t = adminSession.t + 60_000;
    act('user.session.access_admin_app', t, [{ id: '0oa1oktaadmin000001', type: 'AppInstance', alternateId: 'Okta Admin Console', displayName: 'Okta Admin Console', detailEntry: null }], 'User accessing Okta admin app');
    for (let k = 0; k < 3; k++) {
      t = Math.max(t + 2 * MINUTE, day.local(a.office, 10 + rnd() * 6));
      const newcomer = person(`new.hire${Math.floor(rnd() * 1e6)}@${day.domain}`);
      act('user.lifecycle.create', t, [userActor(newcomer)], 'Create Okta user');
      act('group.user_membership.add', t + 30_000, [userActor(newcomer), GROUPS[k % 2]], 'Add user to group membership');
      act('application.user_membership.add', t + 50_000, [userActor(newcomer), appTarget(APPS[0])], 'Add user to application membership');
      if (k === 0) firstDay(day, a, newcomer, t, act);
    }
    // Profile edits and a leaver.
    const colleague = day.pick(users).p;
    const leaver = person(`leaver${Math.floor(rnd() * 1e6)}@${day.domain}`);
    t = Math.max(t + 5 * MINUTE, day.local(a.office, 14 + rnd() * 2));
    act('user.account.update_profile', t, [userActor(colleague)], 'Update user profile for Okta', { changedAttributes: 'title,department' });
    act('user.lifecycle.deactivate', t + 3 * MINUTE, [userActor(leaver)], 'Deactivate Okta user');
    act('user.session.clear', t + 3 * MINUTE + 10_000, [userActor(leaver)], 'Clear user session');
    act('group.user_membership.remove', t + 3 * MINUTE + 20_000, [userActor(leaver), GROUPS[0]], 'Remove user from group membership');
    act('application.user_membership.remove', t + 3 * MINUTE + 30_000, [userActor(leaver), appTarget(APPS[1])], 'Remove user from application membership');
    // A help-desk password reset for someone who forgot theirs; they set a new one and sign in.
    const forgetful = day.pick(users.filter((u) => !u.admin));
    const rt = t + 20 * MINUTE;
    act('user.account.reset_password', rt, [userActor(forgetful.p)], 'Reset password for user');
    push({ eventType: 'system.email.password_reset.sent_message', at: rt + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userActor(forgetful.p)], displayMessage: 'Send user password reset email' });
    push({ eventType: 'user.account.update_password', at: rt + 8 * MINUTE, actor: userActor(forgetful.p), place: forgetful.place, userAgent: forgetful.ua, outcome: 'SUCCESS', target: [userActor(forgetful.p)], displayMessage: 'User update password for Okta' });
    signIn(day, forgetful, rt + 9 * MINUTE, { place: forgetful.place, ua: forgetful.ua, dt: forgetful.dt.laptop }, () => forgetful.place, { apps: 1 });
    if (rnd() < 0.3) {
      const rule = { id: '0pr1pwdrule00000001', type: 'PolicyRule', alternateId: 'unknown', displayName: 'Default Rule', detailEntry: null };
      const policy = { id: '00p1passwordpolicy01', type: 'PolicyEntity', alternateId: 'unknown', displayName: 'Default Password Policy', detailEntry: { policyType: 'Password' } };
      act('policy.rule.update', rt + 30 * MINUTE, [rule, policy], 'Update policy rule');
    }
  }
}

/**
 * A new hire who starts today, created at `created` by admin `a` and activated soon after: activation email, first sign-in at the IT desk (the
 * temporary password mistyped now and then), own password, Okta Verify enrolment; later the same day from home.
 */
function firstDay(day: Day, a: User, newcomer: Person, created: number, act: (eventType: string, at: number, target: OktaActor[], displayMessage: string) => void): void {
  const { rnd, push } = day;
  const office = a.office.place;
  act('user.lifecycle.activate', created + 70_000, [userActor(newcomer)], 'Activate Okta user');
  push({ eventType: 'system.email.delivery', at: created + 75_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userActor(newcomer)], displayMessage: 'Email delivery', debugData: { deliveryStatus: 'DELIVERED' } });
  const hire: User = { ...a, p: newcomer, admin: false, vpnShare: 0, place: { ...a.place, ip: `73.250.${Math.floor(rnd() * 250)}.${10 + Math.floor(rnd() * 200)}` }, dt: deviceTokens(newcomer) };
  let h = created + (15 + rnd() * 30) * MINUTE;
  const actor = userActor(newcomer);
  const first = signIn(day, hire, h, { place: office, ua: BROWSER_UA, dt: hire.dt.laptop }, () => office, { apps: 2, end: false, firstTime: true });
  h = first.t + 60_000;
  push({ eventType: 'user.account.update_password', at: h, actor, place: office, userAgent: BROWSER_UA, outcome: 'SUCCESS', sessionId: first.sessionId, target: [userActor(newcomer)], displayMessage: 'User update password for Okta' });
  push({ eventType: 'user.mfa.factor.activate', at: h + 90_000, actor, place: office, userAgent: hire.phoneUa, outcome: 'SUCCESS', reason: 'User set up OKTA_VERIFY_PUSH factor', target: [userActor(newcomer), { id: `opf${newcomer.id.slice(3, 17)}`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: null }], displayMessage: 'Activate factor or authenticator' });
  push({ eventType: 'system.email.mfa_enroll_notification.sent_message', at: h + 95_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [userActor(newcomer)], displayMessage: 'Send factor enrollment notification email' });
  signIn(day, hire, day.local(a.office, 19 + rnd() * 2), { place: hire.place, ua: BROWSER_UA, dt: hire.dt.laptop }, () => (rnd() < 0.5 ? hire.place : cellular(rnd, hire.office, hire.carrier)));
}

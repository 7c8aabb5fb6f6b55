/**
 * The help desk resetting people's MFA every day: someone lost or replaced their phone and called in; an agent at the
 * office resets all their factors, and within the hour the user signs in from where they usually are and enrols
 * Okta Verify on the new phone.
 */
import { OKTA_SYSTEM, userActor } from '../../src/okta/fixtures';
import { MINUTE } from '../../src/time';
import type { Day } from './day';
import { OKTA_DC } from './org';
import type { User } from './people';
import type { OrgRates } from './profile';

/** The agents: the people after the four admins, at least two. */
export function helpdeskAgents(users: readonly User[], rates: OrgRates): readonly User[] {
  return users.slice(4, 4 + Math.max(2, Math.round(users.length * rates.helpdeskPerUser)));
}

export function factorResets(day: Day, users: readonly User[], rates: OrgRates): void {
  const { rnd, push } = day;
  const agents = helpdeskAgents(users, rates);
  const callers = users.slice(4 + agents.length);
  const resets = Math.max(1, Math.round(users.length * rates.factorResetsPerUser * (0.7 + rnd() * 0.6)));
  for (let k = 0; k < resets; k++) {
    const agent = day.pick(agents);
    const caller = day.pick(callers);
    const at = day.local(agent.office, 9 + rnd() * 8);
    const who = userActor(caller.p);
    push({ eventType: 'user.mfa.factor.reset_all', at, actor: userActor(agent.p), place: agent.office.place, userAgent: agent.ua, outcome: 'SUCCESS', target: [who], displayMessage: 'Reset all factors for user', debugData: { dtHash: agent.dt.laptop } });
    push({ eventType: 'system.email.mfa_reset_notification.sent_message', at: at + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [who], displayMessage: 'Send user MFA factor reset notification email' });
    // Back at their desk (or at home), the user signs in with the password alone and enrols the new phone.
    const t = at + (5 + rnd() * 40) * MINUTE;
    const place = rnd() < 0.5 ? caller.office.place : caller.place;
    const sessionId = day.newSession();
    push({ eventType: 'user.session.start', at: t, actor: who, place, userAgent: caller.ua, outcome: 'SUCCESS', sessionId, credentialType: 'PASSWORD', displayMessage: 'User login to Okta', debugData: { dtHash: caller.dt.laptop } });
    const factor = { id: `opf${caller.p.id.slice(3, 17)}hd${k}`, type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed: 'Okta Verify (push)' } };
    push({ eventType: 'user.mfa.factor.activate', at: t + 2 * MINUTE, actor: who, place, userAgent: caller.phoneUa, outcome: 'SUCCESS', sessionId, reason: 'User set up OKTA_VERIFY_PUSH factor', target: [who, factor], displayMessage: 'Activate factor or authenticator' });
    push({ eventType: 'system.email.mfa_enroll_notification.sent_message', at: t + 2 * MINUTE + 5_000, actor: OKTA_SYSTEM, place: OKTA_DC, outcome: 'SUCCESS', target: [who], displayMessage: 'Send factor enrollment notification email' });
  }
}

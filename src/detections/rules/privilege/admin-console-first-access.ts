import { label, type OktaEvent, type Party } from '../../../okta/event';
import { DAY } from '../../../time';
import { actorContext, succeeded } from '../../kit/admin-change';
import { isSuccessfulSignIn, signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import type { Detection } from '../../types';

export type AdminConsoleFirstAccessParams = {
  /**
   * Days a user must have been seen signing in before a first Admin Console access is reported. A new tenant's
   * first days, and a new hire's, are learnt silently: everyone is new then.
   */
  learningDays: number;
  /** How long a user's Admin Console use (and sign-ins) are remembered after the last one. */
  memoryDays: number;
  /** Users (login or id) expected to start using the Admin Console, e.g. a new IT team member. */
  ignoreUsers: readonly string[];
};

/** What Vigil knows of one user: first seen signing in, last Admin Console access (if any). */
export interface AdminConsoleState {
  readonly since: number;
  readonly console?: number;
}

const ACCESS = 'user.session.access_admin_app';

function consoleUser(e: OktaEvent): Party | undefined {
  if (e.eventType === ACCESS) return succeeded(e) && e.actor?.type === 'User' ? e.actor : undefined;
  return isSuccessfulSignIn(e) ? signInUser(e) : undefined;
}

function ignored(p: Party, list: readonly string[]): boolean {
  const mine = [p.id, p.alternateId].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  return list.some((x) => mine.includes(x.trim().toLowerCase()));
}

/** A user who has signed in for weeks and never used the Admin Console opens it: a new admin, or a taken-over one. */
const detection: Detection<AdminConsoleFirstAccessParams, AdminConsoleState> = {
  id: 'okta-admin-console-first-access',
  title: 'First Admin Console access by a user',
  description:
    'A user opened the Okta Admin Console (`user.session.access_admin_app`) for the first time Vigil has seen, although ' +
    'they have been signing in (`user.session.start`) for at least `learningDays`. Each user is learnt from their own ' +
    'sign-ins: until a user has been seen for `learningDays` (a new tenant\'s first days, a new hire\'s first weeks) their ' +
    'Admin Console use is recorded silently, so onboarding does not flag everyone. An account that suddenly uses admin ' +
    'rights it never used is either a new admin (check the role grant) or an attacker exploring a taken-over account.',
  severity: 'medium',
  status: 'experimental',
  falsePositives: ['A user given an admin role recently (okta-admin-role-granted reports the grant itself)', 'An admin returning after more than `memoryDays` away'],
  runbook: {
    check: ['When and by whom the user got the admin role', 'The session that opened the Admin Console: sign-in network, device, MFA factor', 'What the user did in the console after opening it'],
    act: ['If the user should not be an admin: remove the role, clear the user\'s sessions and reset credentials', 'If expected: add the user to `ignoreUsers` or wait; the next access is known'],
  },
  mitre: { tactic: 'Privilege Escalation', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'hourly',
  eventTypes: ['user.session.start', ACCESS],
  defaults: { learningDays: 14, memoryDays: 90, ignoreUsers: [] },
  stateTtlMinutes: (p) => (p.memoryDays * DAY) / 60_000,
  key(e) {
    return consoleUser(e)?.id;
  },
  step(state, e, p) {
    const horizon = e.time - p.memoryDays * DAY;
    const since = Math.min(state?.since ?? e.time, e.time);
    const known = state?.console !== undefined && state.console >= horizon ? state.console : undefined;
    if (e.eventType !== ACCESS) return { state: { since, console: known } };
    const user = consoleUser(e)!;
    const next: AdminConsoleState = { since, console: Math.max(e.time, known ?? e.time) };
    if (known !== undefined || !state || e.time - since < p.learningDays * DAY || ignored(user, p.ignoreUsers)) return { state: next };
    return {
      state: next,
      signal: {
        subject: userSubject(user),
        summary: `${label(user)} opened the Okta Admin Console for the first time (signing in since ${new Date(since).toISOString().slice(0, 10)})`,
        eventUuids: [e.uuid],
        windowStart: e.published,
        windowEnd: e.published,
        context: { ...actorContext(e), sessionId: e.sessionId, seenSince: new Date(since).toISOString(), learningDays: p.learningDays },
      },
    };
  },
  differences: [
    'Learns per user whether they ever used the Admin Console (after a learning period of their own sign-ins), where panther-analysis okta_new_behavior_accessing_admin_console and Sigma okta_new_behaviours_admin_console read Okta\'s "New Device" and "New IP" behaviour flags, which fire for every admin on a new laptop',
  ],
  references: [
    'panther-analysis okta_new_behavior_accessing_admin_console',
    'Sigma okta_new_behaviours_admin_console',
    'okta/customer-detections request_to_access_admin_console_from_new_device_or_ip',
  ],
};

export default detection;

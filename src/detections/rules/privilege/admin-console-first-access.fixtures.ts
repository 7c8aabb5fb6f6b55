import { logEvent, minutes, person, type Person, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './admin-console-first-access';

const T0 = '2026-11-01T09:00:00Z';
const DAYS = 24 * 60;
export const HELPDESK = person('sam.rivera@example.com', 'Sam Rivera');
export const IT_ADMIN = person('it.admin@example.com', 'IT Admin');
const ADMIN_CONSOLE = { id: '0oa1oktaadmin000001', type: 'AppInstance', alternateId: 'Okta Admin Console', displayName: 'Okta Admin Console', detailEntry: null };

export const signIn = (who: Person, day: number): OktaLogEvent =>
  logEvent({ eventType: 'user.session.start', at: minutes(T0, day * DAYS), actor: userActor(who), outcome: 'SUCCESS', sessionId: `idx${who.id.slice(3)}${day}` });
export const consoleAccess = (who: Person, day: number, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS'): OktaLogEvent =>
  logEvent({ eventType: 'user.session.access_admin_app', at: minutes(T0, day * DAYS + 5), actor: userActor(who), outcome, target: [ADMIN_CONSOLE], sessionId: `idx${who.id.slice(3)}${day}`, displayMessage: 'User accessing Okta admin app' });

export default fixtureTable(detection, {
  positive: [
    { name: 'a user signing in for three weeks opens the Admin Console for the first time', events: [signIn(HELPDESK, 0), signIn(HELPDESK, 10), signIn(HELPDESK, 20), consoleAccess(HELPDESK, 20)], expect: [{ subject: { type: 'user', id: HELPDESK.id } }] },
    {
      name: 'an admin whose last Admin Console use is beyond memoryDays is new again',
      events: [signIn(IT_ADMIN, 0), consoleAccess(IT_ADMIN, 0), ...[30, 60, 90, 120].map((d) => signIn(IT_ADMIN, d)), consoleAccess(IT_ADMIN, 120)],
      expect: [{ subject: { type: 'user', id: IT_ADMIN.id } }],
    },
    { name: 'a shorter learning period set by the tenant', events: [signIn(HELPDESK, 0), signIn(HELPDESK, 3), consoleAccess(HELPDESK, 3)], expect: [{ subject: { type: 'user', id: HELPDESK.id } }], params: { learningDays: 2 } },
  ],
  negative: [
    { name: "a new tenant's first day: every admin opens the console", events: [signIn(IT_ADMIN, 0), consoleAccess(IT_ADMIN, 0), signIn(HELPDESK, 0), consoleAccess(HELPDESK, 0)], expect: [] },
    { name: "a new hire's first week (learning period)", events: [signIn(HELPDESK, 0), signIn(HELPDESK, 5), consoleAccess(HELPDESK, 5)], expect: [] },
    { name: 'an admin who used the console during learning comes back a month later', events: [signIn(IT_ADMIN, 0), consoleAccess(IT_ADMIN, 1), signIn(IT_ADMIN, 30), consoleAccess(IT_ADMIN, 30)], expect: [] },
    { name: 'never seen signing in (no baseline): learnt, not judged', events: [consoleAccess(HELPDESK, 20)], expect: [] },
    { name: 'a refused Admin Console access is not a use', events: [signIn(HELPDESK, 0), signIn(HELPDESK, 20), consoleAccess(HELPDESK, 20, 'FAILURE')], expect: [] },
    { name: 'a user the tenant expects to start using it', events: [signIn(HELPDESK, 0), signIn(HELPDESK, 20), consoleAccess(HELPDESK, 20)], expect: [], params: { ignoreUsers: [HELPDESK.login] } },
  ],
});

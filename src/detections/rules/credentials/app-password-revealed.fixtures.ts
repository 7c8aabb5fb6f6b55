import { logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './app-password-revealed';

const T0 = '2026-11-06T22:10:00Z';
export const REVEALER = person('tom.becker@example.com', 'Tom Becker');
const app = (name: string): OktaActor => ({ id: `0oa1${name.toLowerCase()}4x7`, type: 'AppInstance', alternateId: name, displayName: name, detailEntry: { signOnModeType: 'BROWSER_PLUGIN' } });
export const APPS = ['Payroll', 'Expenses', 'Travel', 'Benefits'].map(app);

export const reveal = (at: number, target: OktaActor, place: Place = PLACES.sanFrancisco, who = REVEALER): OktaLogEvent =>
  logEvent({ eventType: 'application.user_membership.show_password', at, actor: userActor(who), place, outcome: 'SUCCESS', target: [userActor(who), target], sessionId: 'idxRevealSession0001', displayMessage: 'Show application password' });

export default fixtureTable(detection, {
  positive: [
    { name: 'three apps revealed within ten minutes', events: [reveal(minutes(T0, 0), APPS[0]), reveal(minutes(T0, 4), APPS[1]), reveal(minutes(T0, 9), APPS[2])], expect: [{ subject: { type: 'user', id: REVEALER.id }, windowStart: '2026-11-06T22:10:00.000Z', windowEnd: '2026-11-06T22:19:00.000Z' }] },
    { name: 'a tenant that wants two', events: [reveal(minutes(T0, 0), APPS[0]), reveal(minutes(T0, 30), APPS[1])], expect: [{ subject: { type: 'user', id: REVEALER.id }, windowStart: '2026-11-06T22:10:00.000Z', windowEnd: '2026-11-06T22:40:00.000Z' }], params: { minApps: 2 } },
  ],
  negative: [
    { name: 'the same password looked up three times', events: [0, 5, 10].map((m) => reveal(minutes(T0, m), APPS[0])), expect: [] },
    { name: 'three apps over three hours', events: [0, 70, 140].map((m, i) => reveal(minutes(T0, m), APPS[i])), expect: [] },
    { name: 'from the allow-listed office', events: [0, 1, 2].map((m, i) => reveal(minutes(T0, m), APPS[i])), expect: [], params: { allowedIps: [`${PLACES.sanFrancisco.ip}/32`] } },
  ],
});

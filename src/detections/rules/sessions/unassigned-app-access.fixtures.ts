import { logEvent, minutes, person, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './unassigned-app-access';

const T0 = '2026-11-06T13:00:00Z';
export const PROBER = person('nina.patel@example.com', 'Nina Patel');
const APPS = ['AWS', 'GitHub', 'Workday', 'Salesforce', 'Snowflake', 'Jira'];

export const attempt = (at: number, app: string, who = PROBER): OktaLogEvent =>
  logEvent({
    eventType: 'app.generic.unauth_app_access_attempt',
    at,
    actor: userActor(who),
    outcome: 'FAILURE',
    target: [{ id: `0oa1${app.toLowerCase()}4x7`, type: 'AppInstance', alternateId: `${app} (123)`, displayName: app, detailEntry: null }],
    sessionId: 'idxProbeSession00001',
    displayMessage: 'User attempted unauthorized access to app',
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'five apps tried within twenty minutes', events: APPS.slice(0, 5).map((a, i) => attempt(minutes(T0, i * 5), a)), expect: [{ subject: { type: 'user', id: PROBER.id }, windowStart: '2026-11-06T13:00:00.000Z', windowEnd: '2026-11-06T13:20:00.000Z' }] },
  ],
  negative: [
    { name: 'an old bookmark clicked twice', events: [attempt(minutes(T0, 0), 'AWS'), attempt(minutes(T0, 30), 'AWS')], expect: [] },
    { name: 'five attempts spread over a day', events: APPS.slice(0, 5).map((a, i) => attempt(minutes(T0, i * 120), a)), expect: [] },
  ],
});

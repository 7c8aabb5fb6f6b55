import { logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './threatinsight-threat-detected';

const T0 = '2026-11-10T04:12:00Z';
const unknownActor: OktaActor = { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'unknown', detailEntry: null };

export const threat = (at: number, opts: { reason?: string; outcome?: 'ALLOW' | 'DENY' | 'SUCCESS'; place?: Place; actor?: OktaActor } = {}) =>
  logEvent({
    eventType: 'security.threat.detected',
    at,
    actor: opts.actor ?? unknownActor,
    place: opts.place ?? PLACES.lagos,
    outcome: opts.outcome ?? 'ALLOW',
    reason: opts.reason ?? 'Password Spray',
    severity: 'WARN',
    displayMessage: 'Request from suspicious actor',
    debugData: {
      requestUri: '/api/v1/authn',
      threatSuspected: 'true',
      threatDetections: '{"Password Spray":"{\\"severity\\":\\"HIGH\\",\\"detectionTime\\":\\"2026-11-10T04:11:00Z\\"}"}',
    },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'password spray seen in log-only mode', events: [threat(minutes(T0, 0))], expect: [{ subject: { type: 'ip', id: '192.0.2.44' } }] },
    { name: 'credential stuffing against a named user', events: [threat(minutes(T0, 0), { reason: 'Login failures with high unknown users count', actor: userActor(person('ahmed.khan@example.com')) })], expect: [{ subject: { type: 'ip', id: '192.0.2.44' } }] },
    { name: 'two IPs make two findings; repeats from one IP in the hour make one', events: [threat(minutes(T0, 0)), threat(minutes(T0, 3)), threat(minutes(T0, 5), { place: PLACES.moscow })], expect: [{ subject: { type: 'ip', id: '192.0.2.44' } }, { subject: { type: 'ip', id: '192.0.2.91' } }] },
    { name: 'requests ThreatInsight already blocked, reported (as info)', events: [threat(minutes(T0, 0), { outcome: 'DENY' }), threat(minutes(T0, 1), { outcome: 'DENY' })], expect: [{ subject: { type: 'ip', id: '192.0.2.44' } }] },
  ],
  negative: [
    { name: 'the tenant turned blocked requests off', events: [threat(minutes(T0, 0), { outcome: 'DENY' }), threat(minutes(T0, 1), { outcome: 'DENY' })], expect: [], params: { includeBlocked: false } },
    { name: "the tenant's load tester, allow-listed", events: [threat(minutes(T0, 0), { place: PLACES.newYork })], expect: [], params: { allowedIps: ['198.51.100.0/24'] } },
    { name: 'a category the tenant ignores', events: [threat(minutes(T0, 0), { reason: 'Login failures' })], expect: [], params: { ignoreReasons: ['login failures'] } },
    { name: 'a normal sign-in is not a ThreatInsight event', events: [logEvent({ eventType: 'user.session.start', at: minutes(T0, 0), actor: userActor(person('ahmed.khan@example.com')), place: PLACES.lagos })], expect: [] },
  ],
});

import { logEvent, minutes, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './user-reported-suspicious-activity';

const reporter = person('grace.kim@example.com');
const T0 = '2026-11-11T16:20:00Z';

export const report = (at: number, activityType = 'system.email.new_device_notification.sent_message', who = reporter) =>
  logEvent({
    eventType: 'user.account.report_suspicious_activity_by_enduser',
    at,
    actor: userActor(who),
    target: [{ id: who.id, type: 'User', alternateId: who.login, displayName: who.name, detailEntry: null }],
    place: PLACES.sanFrancisco,
    severity: 'WARN',
    displayMessage: 'User report suspicious activity',
    debugData: {
      requestUri: '/api/internal/users/me/report-suspicious-activity',
      suspiciousActivityEventType: activityType,
      suspiciousActivityEventId: 'b6f1c2d3-0a1b-4c2d-9e8f-7a6b5c4d3e2f',
      suspiciousActivityEventIp: '192.0.2.44',
      suspiciousActivityEventCity: 'Lagos',
      suspiciousActivityEventCountry: 'Nigeria',
      suspiciousActivityEventLatitude: '6.524',
      suspiciousActivityEventLongitude: '3.379',
      suspiciousActivityBrowser: 'FIREFOX',
      suspiciousActivityOs: 'Windows 10',
      suspiciousActivityTimestamp: '2026-11-11T15:58:50.347Z',
    },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'user reports a new-device sign-in notification', events: [report(minutes(T0, 0))], expect: [{ subject: { type: 'user', id: reporter.id } }] },
    { name: 'two users report: two findings', events: [report(minutes(T0, 0)), report(minutes(T0, 2), 'system.email.new_device_notification.sent_message', person('li.wei@example.com'))], expect: [{ subject: { type: 'user', id: reporter.id } }, { subject: { type: 'user', id: person('li.wei@example.com').id } }] },
    {
      name: 'report without the reported details (debugData stripped)',
      events: [{ ...report(minutes(T0, 0)), debugContext: { debugData: null } }],
      expect: [{ subject: { type: 'user', id: reporter.id } }],
    },
  ],
  negative: [
    {
      name: 'a type of report the tenant ignores',
      events: [report(minutes(T0, 0), 'system.email.password_reset.sent_message')],
      expect: [],
      params: { ignoreActivityTypes: ['system.email.password_reset.sent_message'] },
    },
    {
      name: 'an email notification sent (not a report)',
      events: [logEvent({ eventType: 'system.email.new_device_notification.sent_message', at: minutes(T0, 0), actor: userActor(reporter), place: PLACES.sanFrancisco })],
      expect: [],
    },
  ],
});

import { normalize } from '../../../okta/event';
import { minutes, person, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type UserReportedParams } from './user-reported-suspicious-activity';
import { report } from './user-reported-suspicious-activity.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-11T16:20:00Z';
const reporter = person('grace.kim@example.com');
const run = (events: OktaLogEvent[], params: Partial<UserReportedParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-user-reported-suspicious-activity', () => {
  it('given a user reports a sign-in notification, when run, then one near-time finding about the user with what they reported', () => {
    const [f, ...rest] = run([report(minutes(T0, 0))]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'user', id: reporter.id, display: reporter.login });
    expect(f.severity).toBe('high');
    expect(f.summary).toBe('grace.kim@example.com reported activity on their account as suspicious (system.email.new_device_notification.sent_message) from 192.0.2.44 in Lagos, Nigeria');
    expect(f.context).toMatchObject({ reportedIp: '192.0.2.44', reportedCountry: 'Nigeria', reportedBrowser: 'FIREFOX', reportedOs: 'Windows 10' });
  });

  it('given a null target (quirk), when run, then the reporting actor is the subject', () => {
    const [f] = run([withQuirks(report(minutes(T0, 0)), { nullTarget: true })]);
    expect(f.subject.id).toBe(reporter.id);
  });

  it('given the same user reports twice in an hour, when run, then one finding', () => {
    expect(run([report(minutes(T0, 0)), report(minutes(T0, 5))])).toHaveLength(1);
  });

  it('given an ignored activity type in another case, when run, then quiet', () => {
    expect(run([report(minutes(T0, 0))], { ignoreActivityTypes: ['SYSTEM.EMAIL.NEW_DEVICE_NOTIFICATION.SENT_MESSAGE'] })).toHaveLength(0);
  });
});

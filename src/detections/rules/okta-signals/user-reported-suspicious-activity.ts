import { label, subjectUser } from '../../../okta/event';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

export type UserReportedParams = {
  /** Reported activity types (`debugData.suspiciousActivityEventType`) not to report, e.g. noisy notifications. */
  ignoreActivityTypes: readonly string[];
};

/** A user clicked "This wasn't me" / "Report suspicious activity" on an Okta notification. */
export default singleEvent<UserReportedParams>({
  id: 'okta-user-reported-suspicious-activity',
  title: 'User reported suspicious activity',
  description:
    "A user reported an Okta security notification or an entry of their recent activity as not theirs (`user.account.report_suspicious_activity_by_enduser`). The user is telling you someone else used their account: `debugData.suspiciousActivity*` names the event, IP, place and browser they did not recognise.",
  severity: 'high',
  mitre: { tactic: 'Initial Access', technique: 'T1078', name: 'Valid Accounts' },
  mode: 'near-time',
  eventTypes: ['user.account.report_suspicious_activity_by_enduser'],
  defaults: { ignoreActivityTypes: [] },
  match(e, p) {
    if (e.eventType !== 'user.account.report_suspicious_activity_by_enduser') return undefined;
    const user = subjectUser(e);
    if (!user) return undefined;
    const activity = e.debug('suspiciousActivityEventType');
    if (activity && p.ignoreActivityTypes.some((t) => t.trim() && t.trim().toLowerCase() === activity.toLowerCase())) return undefined;
    const ip = e.debug('suspiciousActivityEventIp');
    const where = [e.debug('suspiciousActivityEventCity'), e.debug('suspiciousActivityEventCountry')].filter((x) => x).join(', ');
    return {
      subject: userSubject(user),
      summary: `${label(user)} reported activity on their account as suspicious${activity ? ` (${activity})` : ''}${ip ? ` from ${ip}` : ''}${where ? ` in ${where}` : ''}`,
      context: {
        reportedEventType: activity,
        reportedEventId: e.debug('suspiciousActivityEventId'),
        reportedTransactionId: e.debug('suspiciousActivityEventTransactionId'),
        reportedAt: e.debug('suspiciousActivityTimestamp'),
        reportedIp: ip,
        reportedCity: e.debug('suspiciousActivityEventCity'),
        reportedCountry: e.debug('suspiciousActivityEventCountry'),
        reportedBrowser: e.debug('suspiciousActivityBrowser'),
        reportedOs: e.debug('suspiciousActivityOs'),
        reporterIp: e.ip,
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'A user reporting a push they triggered themselves by mistake',
  ],
  runbook: {
    check: [
      'The activity the user reported (the event they reacted to) and its source',
    ],
    act: [
      'Talk to the user; if the activity was not theirs, reset credentials and clear sessions',
    ],
  },
  references: [
    'okta/customer-detections user_reported_suspicious_activity',
    'panther-analysis okta_user_reported_suspicious_activity; Elastic "Suspicious Activity Reported by Okta User"',
    'https://help.okta.com/en-us/content/topics/security/suspicious-activity-reporting.htm',
  ],
});

import { label } from '../../../okta/event';
import { targetOfType } from '../../kit/admin-change';
import { signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { threshold } from '../../kit/threshold';

export type UnassignedAppAccessParams = {
  /** Attempts to reach applications the user is not assigned to, within the window. */
  minAttempts: number;
  windowMinutes: number;
};

const ATTEMPT = 'app.generic.unauth_app_access_attempt';

/** A user repeatedly trying to open applications they are not assigned to. */
export default threshold<UnassignedAppAccessParams>({
  id: 'okta-unassigned-app-access',
  title: 'Repeated attempts to reach unassigned applications',
  description:
    'One user tried `minAttempts` or more times within `windowMinutes` to open applications they are not assigned to ' +
    '(`app.generic.unauth_app_access_attempt`, "User attempted unauthorized access to app"). Someone in a stolen ' +
    'session probes which apps the account reaches; a person who clicks an old bookmark once is not reported.',
  severity: 'low',
  status: 'experimental',
  falsePositives: ['A user whose app assignment was removed and who keeps using an old bookmark', 'An app link shared with a team before the assignments were made'],
  runbook: {
    check: ['The apps tried, and whether the user had them before', "The session's sign-in: network, device, MFA factor"],
    act: ['If the user did not expect it: clear their sessions and reset credentials', 'If the user needs the app: assign it'],
  },
  mitre: { tactic: 'Discovery', technique: 'T1526', name: 'Cloud Service Discovery' },
  mode: 'hourly',
  eventTypes: [ATTEMPT],
  defaults: { minAttempts: 5, windowMinutes: 60 },
  key: (e) => signInUser(e)?.id,
  threshold: (p) => p.minAttempts,
  windowMinutes: (p) => p.windowMinutes,
  subject: (e) => userSubject(signInUser(e)!),
  summary: (count, e, p) => `${label(signInUser(e))} tried ${count} times within ${p.windowMinutes} minutes to open applications not assigned to them`,
  context: (e, hits) => ({ lastApp: targetOfType(e, ['AppInstance'], false)?.displayName, attempts: hits.length, ip: e.ip, country: e.country, userAgent: e.userAgent, sessionId: e.sessionId }),
  references: [
    'panther-analysis okta_app_unauthorized_access_attempt (threshold 5 within 60 minutes, low)',
    'Sigma okta_unauthorized_access_to_app',
    'okta/customer-detections multiple_failed_requests_to_access_okta_applications',
    'Splunk okta_unauthorized_access_to_application, okta_multiple_failed_requests_to_access_applications',
    'https://support.okta.com/help/s/article/App-Sign-on-Error-403-User-attempted-unauthorized-access-to-app',
  ],
  differences: ['Sigma reports every attempt; one attempt is a stale bookmark, so Vigil counts them per user over a window like panther-analysis'],
});

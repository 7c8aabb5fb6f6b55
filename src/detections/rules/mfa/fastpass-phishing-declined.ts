import { label } from '../../../okta/event';
import { mfaUser } from '../../kit/mfa';
import { safeRegex } from '../../kit/regex';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

const DEFAULT_REASON = 'fastpass declined phishing attempt';

export type FastPassPhishingParams = {
  /** Regular expression (case-insensitive) for the `outcome.reason` Okta writes when FastPass refuses to sign in to a look-alike origin. */
  reasonPattern: string;
};

/** Okta FastPass refused to authenticate through a phishing (adversary-in-the-middle) proxy. */
export default singleEvent<FastPassPhishingParams>({
  id: 'okta-fastpass-phishing-declined',
  title: 'FastPass declined a phishing attempt',
  description:
    'Okta FastPass refused to authenticate a user because the sign-in page was not the real Okta origin (`user.authentication.auth_via_mfa` FAILURE, reason "FastPass declined phishing attempt"). The user was lured to a real-time adversary-in-the-middle phishing proxy; FastPass held, but the user\'s password may already have been typed into the proxy, and the same campaign is probably targeting colleagues.',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1557', name: 'Adversary-in-the-Middle' },
  mode: 'near-time',
  eventTypes: ['user.authentication.auth_via_mfa'],
  defaults: { reasonPattern: DEFAULT_REASON },
  match(e, p) {
    if (e.outcome !== 'FAILURE' || !e.reason) return undefined;
    // A tenant pattern that does not compile falls back to the default instead of failing every run.
    if (!(safeRegex(p.reasonPattern) ?? safeRegex(DEFAULT_REASON))!.test(e.reason)) return undefined;
    const user = mfaUser(e);
    if (!user) return undefined;
    return {
      subject: userSubject(user),
      summary: `FastPass declined a phishing attempt against ${label(user)}${e.ip ? ` (request from ${e.ip}${e.country ? `, ${e.country}` : ''})` : ''}`,
      context: { reason: e.reason, ip: e.ip, country: e.country, asOrg: e.asOrg, userAgent: e.userAgent, factor: e.debug('factor') },
    };
  },
  status: 'stable',
  falsePositives: [
    'A user clicking a link on a legitimate but unlisted domain that proxies Okta (rare)',
  ],
  runbook: {
    check: [
      'The phishing domain (debugData) and who else received the same lure',
    ],
    act: [
      'Block the domain at the mail and web gateways; warn the user; check for other users who signed in with weaker factors from the same campaign',
    ],
  },
  references: [
    'Okta customer-detections: Okta AiTM Phishing Detection with FastPass (auth_via_mfa FAILURE, outcome.reason "FastPass declined phishing attempt")',
    'panther-analysis okta_phishing_attempt_blocked_by_fastpass',
    'Sigma okta_fastpass_phishing_detection',
    'https://sec.okta.com/fastpassphishingdetection',
  ],
});

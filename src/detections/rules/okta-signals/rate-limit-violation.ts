import type { OktaEvent } from '../../../okta/event';
import { BASELINE_DEFAULTS, type BaselineParams } from '../../kit/baseline';
import { threshold } from '../../kit/threshold';

export type RateLimitParams = BaselineParams & {
  /**
   * Violations within the window that make a finding (Okta logs at most one per bucket per rate-limit period): the bar
   * while the org's normal is learned, and its floor after.
   */
  threshold: number;
  windowMinutes: number;
  /** Also count burst events (usage above the default limit that Okta absorbed). */
  countBursts: boolean;
};

const VIOLATIONS = [
  'system.org.rate_limit.violation',
  'core.concurrency.org.limit.violation',
  'system.operation.rate_limit.violation',
  'system.client.rate_limit.violation',
  'system.client.concurrency_rate_limit.violation',
];
const BURSTS = ['system.org.rate_limit.burst'];

function counted(e: OktaEvent, p: RateLimitParams): boolean {
  return VIOLATIONS.includes(e.eventType) || (p.countBursts && BURSTS.includes(e.eventType));
}

/** Okta rejecting requests for exceeding its rate limits, repeatedly: a flood, a runaway integration, or brute force. */
export default threshold<RateLimitParams>({
  id: 'okta-rate-limit-violation',
  title: 'Repeated Okta rate-limit violations',
  description:
    "Okta rejected requests for exceeding its rate limits several times within a window (`system.org.rate_limit.violation`, `core.concurrency.org.limit.violation`, `system.operation.rate_limit.violation`, `system.client.rate_limit.violation`, `system.client.concurrency_rate_limit.violation`). Sign-in endpoints hitting their limits mean a password spray or a flood that also locks real users out; an API token hitting them may be an attacker enumerating the org. One violation is often a misbehaving job, so a few are required, and a large org whose integrations brush the limits every day is judged against its own normal for that hour of the day (learned over `baselineDays`, never below `threshold`).",
  severity: 'medium',
  mitre: { tactic: 'Impact', technique: 'T1499', name: 'Endpoint Denial of Service' },
  mode: 'hourly',
  eventTypes: [...VIOLATIONS, ...BURSTS],
  defaults: { threshold: 3, windowMinutes: 60, countBursts: false, ...BASELINE_DEFAULTS },
  key: (e, p) => (counted(e, p) ? 'org' : undefined),
  threshold: (p) => p.threshold,
  windowMinutes: (p) => p.windowMinutes,
  baseline: (p) => p,
  subject: () => ({ type: 'org', id: 'org', display: 'Okta org' }),
  summary: (n, e, p) => `${n} Okta rate-limit violations within ${p.windowMinutes} minutes (last: ${e.eventType}${e.debug('requestUri') ? ` on ${e.debug('requestUri')}` : ''})`,
  context: (e) => ({ lastEventType: e.eventType, lastRequestUri: e.debug('requestUri'), lastIp: e.ip, lastActor: e.actor?.alternateId ?? e.actor?.id, lastMessage: e.raw.displayMessage ?? undefined }),
  status: 'stable',
  falsePositives: [
    'A large import or sync job hitting the API limits',
  ],
  runbook: {
    check: [
      'The endpoint (requestUri) and the client or token behind the requests',
    ],
    act: [
      'Throttle or fix the integration; if the caller is unknown, revoke its token',
    ],
  },
  differences: [
    'Violations only (warnings and notifications are capacity planning), threshold per window',
  ],
  references: [
    'Okta developer docs: System Log events for rate limits (org, client and operation levels)',
    'panther-analysis okta_rate_limits (every event, severity by warning/violation)',
    'Elastic "Possible Okta DoS Attack"',
  ],
});

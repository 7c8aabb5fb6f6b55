/**
 * Okta's own events: rate-limit warnings from the HR sync's bulk reads (now and then one violation), and
 * ThreatInsight blocking internet noise before it reaches a sign-in (log and enforce: outcome DENY).
 */
import { PLACES, type Place } from '../../src/okta/fixtures';
import { HOUR } from '../../src/time';
import type { Day } from './day';
import { HR_SYNC, OKTA_DC, unknownUser } from './org';
import { octet } from './places';

const NOISE: readonly Place[] = [PLACES.lagos, PLACES.moscow, { ...PLACES.berlin, ip: '185.220.101.45', asOrg: 'hosting provider', isp: 'hosting' }];

export function oktaSystem(day: Day): void {
  const { rnd, push } = day;
  // Loop bounds here and in the other parts are drawn anew on each pass; the generated day depends on it.
  for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
    push({ eventType: 'system.org.rate_limit.warning', at: day.start + (1 + rnd() * 4) * HOUR, actor: HR_SYNC, place: OKTA_DC, outcome: 'SUCCESS', displayMessage: 'Rate limit warning', debugData: { requestUri: '/api/v1/users', threshold: '80' } });
  }
  if (rnd() < 0.5) push({ eventType: 'system.org.rate_limit.violation', at: day.start + (2 + rnd() * 3) * HOUR, actor: HR_SYNC, place: OKTA_DC, outcome: 'DENY', displayMessage: 'Rate limit violation', debugData: { requestUri: '/api/v1/users' } });
  for (let k = 0; k < 2 + Math.floor(rnd() * 4); k++) {
    const from = day.pick(NOISE);
    push({ eventType: 'security.threat.detected', at: day.start + rnd() * 86_000_000, actor: unknownUser('unknown'), place: { ...from, ip: `${from.ip.split('.').slice(0, 3).join('.')}.${octet(rnd)}` }, userAgent: 'python-requests/2.31.0', outcome: 'DENY', reason: day.pick(['Password Spray', 'Login failures']), displayMessage: 'Request from suspicious actor', debugData: { threatDetections: '{"Password Spray":"HIGH"}' } });
  }
}

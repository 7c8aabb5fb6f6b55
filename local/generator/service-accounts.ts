/**
 * Service accounts: integrations that sign in with a password every few minutes, all day, from the org's cloud
 * (one NAT gateway per availability zone), each with its SDK's user agent, a fresh session each time, no MFA.
 */
import { person, userActor, type Place } from '../../src/okta/fixtures';
import { MINUTE } from '../../src/time';
import type { Day } from './day';
import type { OrgRates } from './profile';

/** The integrations and the clients they sign in with (Okta SDKs and vendor connectors, not bare HTTP libraries). */
const INTEGRATIONS: ReadonlyArray<readonly [name: string, ua: string]> = [
  ['jira-sync', 'okta-sdk-java/8.2.5 java/17.0.9 Linux/5.15.0-1051-aws'],
  ['backup', 'okta-sdk-python/2.9.8 python/3.11.9 Linux/6.1.102-108.177.amzn2023.x86_64'],
  ['ci-deploy', 'okta-sdk-golang/2.20.0 golang/go1.22.5 linux/amd64'],
  ['scim-bridge', 'okta-sdk-nodejs/7.1.1 node/20.15.1 linux/x64'],
  ['jamf', 'Jamf Pro/11.7.1 (Okta connector)'],
];

/** The org's cloud egress: three NAT gateways in us-east-1. */
const CLOUD: Omit<Place, 'ip'> = { city: 'Ashburn', state: 'Virginia', country: 'United States', lat: 39.0438, lon: -77.4874, asOrg: 'amazon.com, inc.', isp: 'amazon.com', asNumber: 14618, isProxy: false };
const NAT_GATEWAYS = ['3.208.14.61', '44.195.30.118', '54.86.201.9'];

export function serviceAccounts(day: Day, n: number, rates: OrgRates): void {
  const { rnd, push } = day;
  const accounts = Math.max(1, Math.round(n * rates.serviceAccountsPerUser));
  const [lo, hi] = rates.serviceEveryMinutes;
  for (let k = 0; k < accounts; k++) {
    const [name, ua] = INTEGRATIONS[k % INTEGRATIONS.length];
    const actor = userActor(person(`svc-${name}${k < INTEGRATIONS.length ? '' : Math.floor(k / INTEGRATIONS.length)}@${day.domain}`));
    const every = (lo + rnd() * (hi - lo)) * MINUTE;
    for (let t = day.start + rnd() * every; t < day.end; t += every * (0.9 + rnd() * 0.2)) {
      const place = { ...CLOUD, ip: NAT_GATEWAYS[Math.floor(rnd() * NAT_GATEWAYS.length)] };
      const sessionId = day.newSession();
      push({ eventType: 'policy.evaluate_sign_on', at: t, actor, place, userAgent: ua, outcome: 'ALLOW', sessionId, displayMessage: 'Evaluation of sign-on policy', target: [{ id: '00p1globalsession001', type: 'PolicyEntity', alternateId: 'unknown', displayName: 'Default Policy', detailEntry: { policyType: 'OktaSignOn' } }] });
      push({ eventType: 'user.session.start', at: t, actor, place, userAgent: ua, outcome: 'SUCCESS', sessionId, credentialType: 'PASSWORD', displayMessage: 'User login to Okta' });
    }
  }
}

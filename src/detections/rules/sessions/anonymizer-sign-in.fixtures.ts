import { logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './anonymizer-sign-in';

const user = person('marcus.young@example.com');
const T0 = '2026-11-05T19:40:00Z';

export const MULLVAD: Place = { ip: '192.0.2.130', city: 'Stockholm', state: 'Stockholm', country: 'Sweden', lat: 59.3293, lon: 18.0686, asOrg: 'mullvad vpn ab', isp: '31173 services ab' };
/** The tenant's secure web gateway: Okta flags it as a proxy. */
export const ZSCALER: Place = { ip: '198.51.100.200', city: 'San Jose', state: 'California', country: 'United States', lat: 37.3382, lon: -121.8863, asOrg: 'zscaler, inc.', isp: 'zscaler', isProxy: true };
export const TORONTO: Place = { ip: '198.51.100.61', city: 'Toronto', state: 'Ontario', country: 'Canada', lat: 43.6532, lon: -79.3832, asOrg: 'toronto hydro telecom', isp: 'toronto hydro' };

export const signIn = (at: number, place: Place, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS', debugData: Record<string, unknown> = {}) =>
  logEvent({
    eventType: 'user.session.start',
    at,
    actor: userActor(user),
    place,
    outcome,
    reason: outcome === 'FAILURE' ? 'INVALID_CREDENTIALS' : null,
    displayMessage: 'User login to Okta',
    debugData: { threatSuspected: false, ...debugData },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'successful sign-in from a Tor exit', events: [signIn(minutes(T0, 0), PLACES.torExit)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'commercial VPN that Okta does not flag as a proxy', events: [signIn(minutes(T0, 0), MULLVAD)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'ThreatInsight suspected the sign-in', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco, 'SUCCESS', { threatSuspected: true })], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'two anonymized sign-ins of one user in an hour make one finding', events: [signIn(minutes(T0, 0), PLACES.torExit), signIn(minutes(T0, 10), MULLVAD)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'failed sign-in through Tor (reported at low severity)', events: [signIn(minutes(T0, 0), PLACES.torExit, 'FAILURE')], expect: [{ subject: { type: 'user', id: user.id } }] },
    {
      name: 'a failed then a successful sign-in through Tor in one hour: two findings',
      events: [signIn(minutes(T0, 0), PLACES.torExit, 'FAILURE'), signIn(minutes(T0, 2), PLACES.torExit)],
      expect: [{ subject: { type: 'user', id: user.id } }, { subject: { type: 'user', id: user.id } }],
    },
  ],
  negative: [
    { name: 'sign-in from the home ISP', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco)], expect: [] },
    { name: 'failed sign-in through Tor, the tenant turned failures off', events: [signIn(minutes(T0, 0), PLACES.torExit, 'FAILURE')], expect: [], params: { includeFailures: false } },
    { name: 'corporate secure web gateway allow-listed by AS organisation', events: [signIn(minutes(T0, 0), ZSCALER)], expect: [], params: { allowedAsOrgs: ['zscaler'] } },
    { name: 'corporate VPN allow-listed by CIDR', events: [signIn(minutes(T0, 0), ZSCALER)], expect: [], params: { allowedIps: ['198.51.100.192/26'] } },
    { name: '"tor" inside another word (Toronto Hydro) is not Tor', events: [signIn(minutes(T0, 0), TORONTO)], expect: [] },
    { name: 'threatSuspected "false" as a string', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco, 'SUCCESS', { threatSuspected: 'false' })], expect: [] },
  ],
});

import { logEvent, minutes, person, type Place, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import { SF_OFFICE } from '../../fixture-builders/places';
import { fixtureTable } from '../../fixture-table';
import detection from './impossible-travel';

const user = person('lena.fischer@example.com');
const T0 = '2026-11-03T08:10:00Z';

export const signIn = (at: number, place: Place, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS', who = user) =>
  logEvent({
    eventType: 'user.session.start',
    at,
    actor: userActor(who),
    place,
    outcome,
    reason: outcome === 'FAILURE' ? 'INVALID_CREDENTIALS' : null,
    displayMessage: 'User login to Okta',
    credentialType: 'PASSWORD',
    debugData: { behaviors: '{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE}', threatSuspected: 'false' },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'San Francisco, then London two hours later', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 120), PLACES.london)], expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-03T08:10:00.000Z', windowEnd: '2026-11-03T10:10:00.000Z' }] },
    { name: 'New York and Moscow in the same minute', events: [signIn(minutes(T0, 0), PLACES.newYork), signIn(minutes(T0, 0.5), PLACES.moscow)], expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-03T08:10:00.000Z', windowEnd: '2026-11-03T08:10:30.000Z' }] },
    {
      name: 'a stolen password used from Lagos while the user works in San Francisco',
      events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 20), SF_OFFICE), signIn(minutes(T0, 45), PLACES.lagos)],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-03T08:30:00.000Z', windowEnd: '2026-11-03T08:55:00.000Z' }],
    },
    {
      name: 'tenant lowers the speed limit: San Francisco to New York in 6 hours (about 690 km/h)',
      events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 360), PLACES.newYork)],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-03T08:10:00.000Z', windowEnd: '2026-11-03T14:10:00.000Z' }],
      params: { maxSpeedKmh: 500 },
    },
  ],
  negative: [
    { name: 'home and office in the same city', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 25), SF_OFFICE), signIn(minutes(T0, 50), PLACES.sanFrancisco)], expect: [] },
    { name: 'long-haul flight: San Francisco, then London 11 hours later', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 11 * 60), PLACES.london)], expect: [] },
    { name: 'a failed sign-in from far away is not travel', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.moscow, 'FAILURE')], expect: [] },
    { name: 'a sign-in without geolocation (client {})', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), withQuirks(signIn(minutes(T0, 30), PLACES.london))], expect: [] },
    { name: 'an anonymizer exit is not a location', events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.torExit)], expect: [] },
    {
      name: 'the corporate VPN egress (London) is allow-listed by the tenant',
      events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.london), signIn(minutes(T0, 60), PLACES.sanFrancisco)],
      expect: [],
      params: { allowedIps: ['203.0.113.0/24'] },
    },
    {
      name: 'two different users in two countries',
      events: [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 5), PLACES.berlin, 'SUCCESS', person('jonas.weber@example.com'))],
      expect: [],
    },
  ],
});

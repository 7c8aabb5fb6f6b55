import { minutes, person, PLACES } from '../../../okta/fixtures';
import { pushAnswered, pushSent } from '../../fixture-builders/mfa';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-push-location-mismatch';

const user = person('priya.nair@example.com');
const T0 = '2026-11-04T08:00:00Z';
const at = (n: number) => minutes(T0, n);
/** The user's phone on mobile data: another IP, same city as the laptop. */
const phoneNearby = { ...PLACES.sanFrancisco, ip: '198.51.100.180', lat: 37.80, lon: -122.27, asOrg: 't-mobile usa' };

export default fixtureTable(detection, {
  positive: [
    { name: 'push requested from Moscow, approved from San Francisco a minute later', events: [pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(1), PLACES.sanFrancisco)], expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T08:00:00.000Z', windowEnd: '2026-11-04T08:01:00.000Z' }] },
    {
      name: 'several pushes from Lagos, one rejected, one approved from New York',
      events: [pushSent(user, at(0), PLACES.lagos), pushAnswered(user, at(0.5), PLACES.newYork, { approved: false }), pushSent(user, at(1), PLACES.lagos), pushAnswered(user, at(2), PLACES.newYork)],
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T08:00:00.000Z', windowEnd: '2026-11-04T08:02:00.000Z' }],
    },
    { name: 'Amsterdam to Berlin is under 1000 km but a country change', events: [pushSent(user, at(0), PLACES.torExit), pushAnswered(user, at(1), PLACES.berlin)], expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-04T08:00:00.000Z', windowEnd: '2026-11-04T08:01:00.000Z' }], params: { minDistanceKm: 1000 } },
  ],
  negative: [
    { name: 'push from the laptop at home, approved on the phone on the same Wi-Fi', events: [pushSent(user, at(0), PLACES.sanFrancisco), pushAnswered(user, at(0.3), PLACES.sanFrancisco)], expect: [] },
    { name: 'phone on mobile data in the same city', events: [pushSent(user, at(0), PLACES.sanFrancisco), pushAnswered(user, at(0.5), phoneNearby)], expect: [] },
    { name: 'the far-away push expired long before the approval', events: [pushSent(user, at(0), PLACES.moscow), pushSent(user, at(30), PLACES.sanFrancisco), pushAnswered(user, at(31), PLACES.sanFrancisco)], expect: [] },
    { name: 'a rejected push is not an approval', events: [pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(1), PLACES.sanFrancisco, { approved: false })], expect: [] },
    {
      name: 'country change alone switched off by the tenant',
      events: [pushSent(user, at(0), PLACES.torExit), pushAnswered(user, at(1), PLACES.berlin)],
      expect: [],
      params: { minDistanceKm: 1000, countryChange: false },
    },
  ],
});

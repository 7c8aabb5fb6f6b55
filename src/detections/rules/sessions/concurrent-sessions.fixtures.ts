import { logEvent, minutes, person, type Place, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import { SF_CELL, SF_OFFICE } from '../../fixture-builders/places';
import { fixtureTable } from '../../fixture-table';
import detection from './concurrent-sessions';

const user = person('olivia.chen@example.com');
const T0 = '2026-11-09T10:00:00Z';

export const start = (at: number, place: Place, n: number, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  logEvent({ eventType: 'user.session.start', at, actor: userActor(user), place, outcome, sessionId: `idxSess${String(n).padStart(18, '0')}`, displayMessage: 'User login to Okta' });

const places = [PLACES.sanFrancisco, PLACES.lagos, PLACES.moscow, PLACES.newYork, PLACES.berlin];

/** An integration's cloud egress: three addresses of one provider. */
const cloud: Place[] = ['44.195.30.118', '54.86.201.9', '3.208.14.61'].map((ip) => ({ ...PLACES.newYork, ip, city: 'Ashburn', state: 'Virginia', asOrg: 'amazon.com, inc.', isp: 'amazon.com' }));

export default fixtureTable(detection, {
  positive: [
    { name: '5 sessions from 5 networks in 40 minutes', events: places.map((pl, i) => start(minutes(T0, i * 10), pl, i)), expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-09T10:00:00.000Z', windowEnd: '2026-11-09T10:40:00.000Z' }] },
    {
      name: '8 sessions from 3 networks in an hour make one finding',
      events: Array.from({ length: 8 }, (_, i) => start(minutes(T0, i * 7), places[i % 3], i)),
      expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-09T10:00:00.000Z', windowEnd: '2026-11-09T10:28:00.000Z' }],
    },
    { name: 'tenant lowers the limit to 3 sessions from 2 IPs on 2 networks', events: [start(minutes(T0, 0), PLACES.sanFrancisco, 1), start(minutes(T0, 5), PLACES.lagos, 2), start(minutes(T0, 9), PLACES.lagos, 3)], expect: [{ subject: { type: 'user', id: user.id }, windowStart: '2026-11-09T10:00:00.000Z', windowEnd: '2026-11-09T10:09:00.000Z' }], params: { maxSessions: 3, minIps: 2, minNetworks: 2 } },
  ],
  negative: [
    { name: 'laptop, phone and tablet (3 sessions)', events: [start(minutes(T0, 0), PLACES.sanFrancisco, 1), start(minutes(T0, 5), SF_CELL, 2), start(minutes(T0, 30), SF_OFFICE, 3)], expect: [] },
    { name: '6 sessions, all from the office network', events: Array.from({ length: 6 }, (_, i) => start(minutes(T0, i * 5), SF_OFFICE, i)), expect: [] },
    { name: '5 sessions from 5 networks spread over 5 hours', events: places.map((pl, i) => start(minutes(T0, i * 70), pl, i)), expect: [] },
    { name: 'the same session logged several times counts once', events: places.map((pl, i) => start(minutes(T0, i * 5), pl, 7)), expect: [] },
    {
      name: 'a new phone signing in to 6 apps: a fresh carrier address each time, but two networks (home Wi-Fi, carrier)',
      events: [0, 1, 2, 3, 4, 5].map((i) => start(minutes(T0, i * 4), i % 3 === 0 ? PLACES.sanFrancisco : { ...SF_CELL, ip: `198.51.100.${60 + i}` }, 20 + i)),
      expect: [],
    },
    {
      name: 'an integration signing in every 5 minutes from three cloud addresses, Okta leaving the AS information out of some events',
      events: Array.from({ length: 12 }, (_, i) => (i % 5 === 4 ? withQuirks(start(minutes(T0, i * 5), cloud[i % 3], 40 + i), { nullSecurity: true }) : start(minutes(T0, i * 5), cloud[i % 3], 40 + i))),
      expect: [],
    },
    {
      name: 'a phone on its carrier through the night, one of its sign-ins without AS information, and the laptop at home',
      events: [
        start(minutes(T0, 0), { ...SF_CELL, ip: '174.200.107.81', asOrg: 'verizon wireless' }, 60),
        start(minutes(T0, 8), { ...SF_CELL, ip: '174.207.187.154', asOrg: 'verizon wireless' }, 61),
        withQuirks(start(minutes(T0, 20), { ...SF_CELL, ip: '174.200.154.207' }, 62), { nullSecurity: true }),
        start(minutes(T0, 30), PLACES.sanFrancisco, 63),
        start(minutes(T0, 45), { ...SF_CELL, ip: '174.216.63.14', asOrg: 'verizon wireless' }, 64),
      ],
      expect: [],
    },
    { name: 'failed sign-ins start no session', events: places.map((pl, i) => start(minutes(T0, i * 5), pl, i, 'FAILURE')), expect: [] },
  ],
});

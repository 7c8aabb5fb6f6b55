import { minutes, person, PLACES } from '../../../okta/fixtures';
import { lockout } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './mass-account-lockouts';

const T0 = '2026-11-03T06:00:00Z';
const staff = Array.from({ length: 8 }, (_, i) => person(`team${i + 1}@example.com`));

/** A 20,000-user org's morning on day d: 8 people lock themselves out between 09:00 and 09:28 (forgotten passwords after a rotation). */
const DAY1 = '2026-11-02T09:00:00Z';
const forgetful = (d: number) => Array.from({ length: 8 }, (_, i) => lockout(person(`user${d * 8 + i}@bigco.example`), minutes(DAY1, d * 24 * 60 + i * 4)));
/** A spray tripping the lockout policy on day d: 20 users locked out in 20 minutes from 09:05. */
const sprayed = (d: number) => Array.from({ length: 20 }, (_, i) => lockout(person(`target${i}@bigco.example`), minutes(DAY1, d * 24 * 60 + 5 + i), { place: PLACES.lagos }));

export default fixtureTable(detection, {
  positive: [
    { name: '5 users locked out within 12 minutes', events: staff.slice(0, 5).map((p, i) => lockout(p, minutes(T0, i * 3), { place: PLACES.lagos })), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T06:00:00.000Z', windowEnd: '2026-11-03T06:12:00.000Z' }] },
    {
      name: 'a new tenant: the floor fires on the first 3 mornings of 8 forgotten passwords; then the same morning is normal, and a spray locking out 20 more fires, saying how far above normal',
      events: [0, 1, 2, 3, 4].flatMap(forgetful).concat(sprayed(4)),
      expect: [
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-02T09:00:00.000Z', windowEnd: '2026-11-02T09:16:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T09:00:00.000Z', windowEnd: '2026-11-03T09:16:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-04T09:00:00.000Z', windowEnd: '2026-11-04T09:16:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-06T09:00:00.000Z', windowEnd: '2026-11-06T09:19:00.000Z' },
      ],
    },
    { name: 'tenant raises the bar to 8 users', events: staff.map((p, i) => lockout(p, minutes(T0, i * 2))), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T06:00:00.000Z', windowEnd: '2026-11-03T06:14:00.000Z' }], params: { threshold: 8 } },
  ],
  negative: [
    { name: '4 users locked out stay under the threshold', events: staff.slice(0, 4).map((p, i) => lockout(p, minutes(T0, i * 3))), expect: [] },
    { name: 'one user locked out again and again', events: [0, 10, 20, 25, 28].map((n) => lockout(staff[0], minutes(T0, n))), expect: [] },
    { name: '5 lockouts spread over a working day', events: staff.slice(0, 5).map((p, i) => lockout(p, minutes(T0, i * 90))), expect: [] },
  ],
});

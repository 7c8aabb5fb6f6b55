import { minutes, person, PLACES } from '../../../okta/fixtures';
import { lockout } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './mass-account-lockouts';

const T0 = '2026-11-03T06:00:00Z';
const staff = Array.from({ length: 8 }, (_, i) => person(`team${i + 1}@example.com`));

export default fixtureTable(detection, {
  positive: [
    { name: '5 users locked out within 12 minutes', events: staff.slice(0, 5).map((p, i) => lockout(p, minutes(T0, i * 3), { place: PLACES.lagos })), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T06:00:00.000Z', windowEnd: '2026-11-03T06:12:00.000Z' }] },
    { name: 'tenant raises the bar to 8 users', events: staff.map((p, i) => lockout(p, minutes(T0, i * 2))), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T06:00:00.000Z', windowEnd: '2026-11-03T06:14:00.000Z' }], params: { threshold: 8 } },
  ],
  negative: [
    { name: '4 users locked out stay under the threshold', events: staff.slice(0, 4).map((p, i) => lockout(p, minutes(T0, i * 3))), expect: [] },
    { name: 'one user locked out again and again', events: [0, 10, 20, 25, 28].map((n) => lockout(staff[0], minutes(T0, n))), expect: [] },
    { name: '5 lockouts spread over a working day', events: staff.slice(0, 5).map((p, i) => lockout(p, minutes(T0, i * 90))), expect: [] },
  ],
});

import { minutes, person, PLACES } from '../../../okta/fixtures';
import { failedSignIn, SCRIPT_UA, signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './password-spray-ip';

const T0 = '2026-11-03T01:00:00Z';
const staff = Array.from({ length: 14 }, (_, i) => person(`employee${i + 1}@example.com`));

/** The attacker's IP tries one password per account, one account every 3 minutes. */
const sprayed = (n: number, tries = 1, zone?: string) =>
  staff
    .slice(0, n)
    .flatMap((p, i) => Array.from({ length: tries }, (_, t) => failedSignIn(p, minutes(T0, i * 3 + t), 'INVALID_CREDENTIALS', { place: PLACES.lagos, userAgent: SCRIPT_UA, zone })));

export default fixtureTable(detection, {
  positive: [
    { name: '10 accounts, one wrong password each, from one IP in 30 minutes', events: sprayed(10), expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:27:00.000Z' }] },
    { name: '12 accounts, two tries each, some already locked out', events: [...sprayed(12, 2), failedSignIn(staff[0], minutes(T0, 50), 'LOCKED_OUT', { place: PLACES.lagos })], expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:27:00.000Z' }] },
    { name: 'tenant lowers the bar to 5 accounts', events: sprayed(5), expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:12:00.000Z' }], params: { minUsers: 5 } },
  ],
  negative: [
    { name: '9 accounts stay under the threshold', events: sprayed(9), expect: [] },
    {
      name: 'office NAT: 12 colleagues each mistype once, then sign in from the same IP',
      events: staff.slice(0, 12).flatMap((p, i) => [failedSignIn(p, minutes(T0, i * 4)), signIn(p, minutes(T0, i * 4 + 1))]),
      expect: [],
    },
    {
      name: 'accounts hammered 8 times each are brute force, not spray',
      events: staff.slice(0, 10).flatMap((p, i) => Array.from({ length: 8 }, (_, t) => failedSignIn(p, minutes(T0, i * 5 + t * 0.5), 'INVALID_CREDENTIALS', { place: PLACES.lagos }))),
      expect: [],
    },
    { name: 'failures from a network zone the tenant ignores', events: sprayed(10, 1, 'Corporate Egress'), expect: [], params: { ignoreZones: ['corporate egress'] } },
  ],
});

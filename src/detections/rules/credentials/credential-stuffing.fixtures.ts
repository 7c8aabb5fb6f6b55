import { minutes, person, PLACES } from '../../../okta/fixtures';
import { failedSignIn, SCRIPT_UA, signIn, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './credential-stuffing';

const T0 = '2026-11-03T03:00:00Z';
const staff = Array.from({ length: 15 }, (_, i) => person(`worker${i + 1}@example.com`));
const at = (n: number) => minutes(T0, n);
const from = { place: PLACES.moscow, userAgent: SCRIPT_UA };

/** A leaked list: existing accounts and usernames the org never had, one every 15 seconds. */
const stuffing = (known: number, unknown: number, spacingMin = 0.25) => [
  ...staff.slice(0, known).map((p, i) => failedSignIn(p, at(i * 2 * spacingMin), 'INVALID_CREDENTIALS', from)),
  ...Array.from({ length: unknown }, (_, i) => unknownUserSignIn(`j.doe${i}@example.com`, at((i * 2 + 1) * spacingMin), from)),
];

export default fixtureTable(detection, {
  positive: [
    { name: '6 real accounts and 16 unknown usernames in 8 minutes', events: stuffing(6, 16), expect: [{ subject: { type: 'ip', id: '192.0.2.91' }, windowStart: '2026-11-03T03:00:00.000Z', windowEnd: '2026-11-03T03:06:45.000Z' }] },
    { name: 'only unknown usernames: 20 distinct typed names, not one "unknown" user', events: stuffing(0, 20), expect: [{ subject: { type: 'ip', id: '192.0.2.91' }, windowStart: '2026-11-03T03:00:15.000Z', windowEnd: '2026-11-03T03:09:45.000Z' }] },
    { name: 'tenant lowers the bar to 8 usernames', events: stuffing(4, 4), expect: [{ subject: { type: 'ip', id: '192.0.2.91' }, windowStart: '2026-11-03T03:00:00.000Z', windowEnd: '2026-11-03T03:01:45.000Z' }], params: { minUsernames: 8 } },
  ],
  negative: [
    { name: '19 usernames stay under the threshold', events: stuffing(10, 9), expect: [] },
    { name: '12 real accounts and 10 unknown usernames: a spray from this IP, reported by okta-password-spray-ip', events: stuffing(12, 10), expect: [] },
    { name: '22 usernames spread over an hour is not machine speed', events: stuffing(12, 10, 1.4), expect: [] },
    {
      name: 'one user retyping their own username variants is not stuffing',
      events: [...[0, 1, 2].map((n) => unknownUserSignIn(`ana.garcia${n ? n : ''}@example.com`, at(n))), failedSignIn(person('ana.garcia@example.com'), at(3)), signIn(person('ana.garcia@example.com'), at(4))],
      expect: [],
    },
  ],
});

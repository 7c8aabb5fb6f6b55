import { logEvent, minutes, person, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './brute-force-user';

const victim = person('dana.lee@example.com');
const T0 = '2026-11-02T09:05:00Z';

const failure = (n: number, place = PLACES.lagos) =>
  logEvent({ eventType: 'user.session.start', at: minutes(T0, n), actor: userActor(victim), place, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', severity: 'WARN' });

export default fixtureTable(detection, {
  positive: [
    { name: '20 failed sign-ins for one user in 40 minutes', events: Array.from({ length: 20 }, (_, i) => failure(i * 2)), expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-02T09:05:00.000Z', windowEnd: '2026-11-02T09:43:00.000Z' }] },
    { name: 'threshold lowered by the tenant to 5', events: Array.from({ length: 5 }, (_, i) => failure(i)), expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-02T09:05:00.000Z', windowEnd: '2026-11-02T09:09:00.000Z' }], params: { threshold: 5 } },
  ],
  negative: [
    {
      name: 'failures for 25 different non-existent usernames are not one user',
      events: Array.from({ length: 25 }, (_, i) =>
        logEvent({ eventType: 'user.session.start', at: minutes(T0, i), actor: { id: 'unknown', type: 'User', alternateId: `nobody${i}@example.com`, displayName: 'unknown' }, place: PLACES.lagos, outcome: 'FAILURE', reason: 'VERIFICATION_ERROR' }),
      ),
      expect: [],
    },
    { name: '19 failures in an hour stay under the threshold', events: Array.from({ length: 19 }, (_, i) => failure(i * 3)), expect: [] },
    { name: '20 failures spread over two hours never reach 20 in one window', events: Array.from({ length: 20 }, (_, i) => failure(i * 6.5)), expect: [] },
    {
      name: 'successful sign-ins do not count',
      events: Array.from({ length: 25 }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes(T0, i), actor: userActor(victim), outcome: 'SUCCESS' })),
      expect: [],
    },
  ],
});

import { logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { SF_OFFICE } from '../../fixture-builders/places';
import { fixtureTable } from '../../fixture-table';
import detection from './new-country-sign-in';

const user = person('sofia.rossi@example.com');
const T0 = '2026-09-01T08:30:00Z';
const DAY_MIN = 24 * 60;

export const signIn = (day: number, place: Place, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  logEvent({ eventType: 'user.session.start', at: minutes(T0, day * DAY_MIN), actor: userActor(user), place, outcome, displayMessage: 'User login to Okta' });

/** Twice a day for `days` days from `first`, alternating home and office in San Francisco. */
export function routine(days: number, first = 0): OktaLogEvent[] {
  const out: OktaLogEvent[] = [];
  for (let d = first; d < first + days; d++) out.push(signIn(d, PLACES.sanFrancisco), signIn(d + 0.3, SF_OFFICE));
  return out;
}

export default fixtureTable(detection, {
  positive: [
    { name: 'two weeks in San Francisco, then a sign-in from Lagos', events: [...routine(14), signIn(14.5, PLACES.lagos)], expect: [{ subject: { type: 'user', id: user.id } }] },
    {
      name: 'Berlin, visited while learning, is known later; Moscow is new',
      events: [...routine(3), signIn(3.2, PLACES.berlin), ...routine(11, 4), signIn(15.1, PLACES.berlin), signIn(15.4, PLACES.moscow)],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    { name: 'a country not seen for over 90 days is new again', events: [signIn(0, PLACES.berlin), ...routine(100, 1), signIn(101.5, PLACES.berlin)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'tenant shortens learning to 3 sign-ins over 1 day', events: [signIn(0, PLACES.sanFrancisco), signIn(0.5, SF_OFFICE), signIn(1.2, PLACES.sanFrancisco), signIn(1.5, PLACES.london)], expect: [{ subject: { type: 'user', id: user.id } }], params: { minPriorSignIns: 3, learningDays: 1 } },
  ],
  negative: [
    { name: "new employee's first week, with a day in London", events: [...routine(2), signIn(2.4, PLACES.london), ...routine(3, 3)], expect: [] },
    { name: 'established user at home and at the office', events: routine(20), expect: [] },
    { name: 'established user back in a country seen last month', events: [...routine(5), signIn(5.5, PLACES.berlin), ...routine(25, 6), signIn(31.5, PLACES.berlin)], expect: [] },
    { name: 'established user through a Tor exit (country meaningless)', events: [...routine(14), signIn(14.5, PLACES.torExit)], expect: [] },
    { name: 'established user through the allow-listed corporate VPN in London', events: [...routine(14), signIn(14.5, PLACES.london)], expect: [], params: { allowedIps: ['203.0.113.0/24'] } },
    { name: 'failed sign-in from a new country', events: [...routine(14), signIn(14.5, PLACES.lagos, 'FAILURE')], expect: [] },
  ],
});

import { logEvent, person, PLACES, userActor } from '../../../okta/fixtures';
import { pushAnswered } from '../../fixture-builders/mfa';
import { fixtureTable } from '../../fixture-table';
import detection from './mfa-bypass-attempt';

const user = person('tomas.berg@example.com');
const at = '2026-11-04T09:14:02Z';

export default fixtureTable(detection, {
  positive: [
    {
      name: 'a user session attempting to skip the factor challenge',
      events: [logEvent({ eventType: 'user.mfa.attempt_bypass', at, actor: userActor(user), target: [userActor(user)], place: PLACES.moscow, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', displayMessage: 'Attempt to bypass MFA' })],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    {
      name: 'an MFA bypass by Okta (system@okta.com) for a user',
      events: [logEvent({ eventType: 'user.mfa.attempt_bypass', at, target: [userActor(user)], outcome: 'SUCCESS', displayMessage: 'Attempt to bypass MFA' })],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
  ],
  negative: [
    { name: 'an ordinary approved push is not a bypass', events: [pushAnswered(user, at, PLACES.sanFrancisco)], expect: [] },
  ],
});

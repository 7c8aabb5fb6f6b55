import { logEvent, person, PLACES } from '../../../okta/fixtures';
import { lockout } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './account-locked';

const user = person('omar.haddad@example.com');
const at = '2026-11-03T05:12:40Z';

export default fixtureTable(detection, {
  positive: [
    { name: 'user.account.lock after failed sign-ins from an unfamiliar country', events: [lockout(user, at, { place: PLACES.moscow })], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'user.account.lock.limit: no more automatic unlocks', events: [lockout(user, at, { limit: true })], expect: [{ subject: { type: 'user', id: user.id } }] },
    {
      name: 'a lockout reported with the system as actor and the user as target',
      events: [
        logEvent({
          eventType: 'user.account.lock',
          at,
          target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.name, detailEntry: null }],
          outcome: 'FAILURE',
          reason: 'LOCKED_OUT',
          displayMessage: 'Max sign in attempts exceeded',
        }),
      ],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
  ],
  negative: [
    {
      name: 'an admin unlocking the account is not a lockout',
      events: [logEvent({ eventType: 'user.account.unlock_by_admin', at, target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.name }] })],
      expect: [],
    },
    { name: 'a lock event naming no user at all', events: [logEvent({ eventType: 'user.account.lock', at, target: null, outcome: 'FAILURE', reason: 'LOCKED_OUT' })], expect: [] },
  ],
});

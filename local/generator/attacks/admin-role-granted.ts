/** Twenty minutes into the takeover, the attacker makes a second account a super administrator. */
import { BROWSER_UA, person, userActor } from '../../../src/okta/fixtures';
import { MINUTE } from '../../../src/time';
import { MOSCOW, type AttackScenario } from './scenario';
import { takenOver, takeoverStart } from './takeover';

export const adminRoleGranted: AttackScenario = {
  name: 'admin role granted by the compromised account',
  detection: 'okta-admin-role-granted',
  inject(day, users) {
    const backdoor = person(`svc-backup@${day.domain}`, 'svc backup');
    const at = takeoverStart(day) + 20 * MINUTE;
    day.push({ eventType: 'user.account.privilege.grant', at, actor: userActor(takenOver(users).p), place: MOSCOW, userAgent: BROWSER_UA, outcome: 'SUCCESS', target: [userActor(backdoor)], debugData: { privilegeGranted: 'Super administrator' }, displayMessage: 'Grant user privilege' });
    return { at, user: backdoor.login };
  },
};

/**
 * The HR import: the next cohort of new hires created in one burst in the early hours (hundreds in an hour in a large
 * org), each added to Everyone and to Slack; they start on another day, so none of them signs in today.
 */
import { person, userActor } from '../../src/okta/fixtures';
import { HOUR, MINUTE } from '../../src/time';
import type { Day } from './day';
import { APPS, appTarget, GROUPS, HR_SYNC, OKTA_DC } from './org';
import type { OrgRates } from './profile';

export function provisioningBurst(day: Day, n: number, rates: OrgRates): void {
  const { rnd, push } = day;
  const hires = Math.round(n * rates.provisioningShare);
  const start = day.start + (5 + rnd()) * HOUR;
  for (let k = 0; k < hires; k++) {
    const at = start + (k / hires) * 50 * MINUTE;
    const hire = userActor(person(`new.hire${Math.floor(rnd() * 1e7)}@${day.domain}`));
    const spec = { actor: HR_SYNC, place: OKTA_DC, outcome: 'SUCCESS' } as const;
    push({ ...spec, eventType: 'user.lifecycle.create', at, target: [hire], displayMessage: 'Create Okta user' });
    push({ ...spec, eventType: 'group.user_membership.add', at: at + 2_000, target: [hire, GROUPS[2]], displayMessage: 'Add user to group membership' });
    push({ ...spec, eventType: 'application.user_membership.add', at: at + 4_000, target: [hire, appTarget(APPS[0])], displayMessage: 'Add user to application membership' });
  }
}

/** Brute force against one user from Lagos, 03:10-03:40 UTC: 25 wrong passwords from a script. */
import { userActor } from '../../../src/okta/fixtures';
import { HOUR, MINUTE } from '../../../src/time';
import { LAGOS, type AttackScenario } from './scenario';

export const bruteForce: AttackScenario = {
  name: 'brute force against one user',
  detection: 'okta-brute-force-user',
  inject(day, users) {
    const victim = users[10];
    const t = day.start + 3 * HOUR + 10 * MINUTE;
    for (let k = 0; k < 25; k++) day.push({ eventType: 'user.session.start', at: t + k * 70_000, actor: userActor(victim.p), place: LAGOS, userAgent: 'python-requests/2.32.3', outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
    return { at: t, user: victim.p.login };
  },
};

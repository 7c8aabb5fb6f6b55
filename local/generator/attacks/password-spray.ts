/** Password spray from one IP in Moscow, 05:02-05:42 UTC: 40 users, one try each. */
import { BROWSER_UA, userActor } from '../../../src/okta/fixtures';
import { HOUR, MINUTE } from '../../../src/time';
import { MOSCOW, type AttackScenario } from './scenario';

export const passwordSpray: AttackScenario = {
  name: 'password spray from one IP',
  detection: 'okta-password-spray-ip',
  inject(day, users) {
    const t = day.start + 5 * HOUR + 2 * MINUTE;
    for (let k = 0; k < 40; k++) day.push({ eventType: 'user.session.start', at: t + k * MINUTE, actor: userActor(users[(50 + k) % users.length].p), place: MOSCOW, userAgent: BROWSER_UA, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
    return { at: t };
  },
};

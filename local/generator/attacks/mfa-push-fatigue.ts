/**
 * MFA push fatigue from Moscow at 14:00 UTC with a stolen password: five pushes rejected on the victim's phone, the
 * sixth approved.
 */
import { BROWSER_UA, userActor } from '../../../src/okta/fixtures';
import { MINUTE } from '../../../src/time';
import { IPHONE_UA } from '../org';
import { MOSCOW, type AttackScenario } from './scenario';
import { takenOver, takeoverStart } from './takeover';

export const mfaPushFatigue: AttackScenario = {
  name: 'MFA push fatigue, then approval',
  detection: 'okta-mfa-push-fatigue',
  inject(day, users) {
    const victim = takenOver(users);
    const actor = userActor(victim.p);
    const t = takeoverStart(day);
    const sessionId = '102attackersession0001';
    const send = (at: number) => day.push({ eventType: 'system.push.send_factor_verify_push', at, actor, place: MOSCOW, userAgent: BROWSER_UA, outcome: 'SUCCESS', sessionId });
    day.push({ eventType: 'user.session.start', at: t, actor, place: MOSCOW, userAgent: BROWSER_UA, outcome: 'SUCCESS', sessionId, credentialType: 'PASSWORD' });
    for (let k = 0; k < 5; k++) {
      send(t + 10_000 + k * MINUTE);
      day.push({ eventType: 'user.authentication.auth_via_mfa', at: t + 40_000 + k * MINUTE, actor, place: victim.place, userAgent: IPHONE_UA, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH', pushOnlyResponseType: 'REJECT' } });
    }
    send(t + 5 * MINUTE + 50_000);
    day.push({ eventType: 'user.authentication.auth_via_mfa', at: t + 6 * MINUTE, actor, place: victim.place, userAgent: IPHONE_UA, outcome: 'SUCCESS', sessionId, debugData: { factor: 'OKTA_VERIFY_PUSH' } });
    return { at: t, user: victim.p.login };
  },
};

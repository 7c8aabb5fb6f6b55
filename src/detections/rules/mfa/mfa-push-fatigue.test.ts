import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import fatigue from './mfa-push-fatigue';

const T0 = '2026-11-02T02:10:00Z';
const victim = person('ana.garcia@example.com');

function run(events: OktaLogEvent[]) {
  return detectAll(resolveCatalog({}, [fatigue as unknown as Detection<Params, unknown>]), events.map((e) => normalize(e)));
}

const reject = (n: number, form: 'oie' | 'classic', transactionId?: string) =>
  form === 'oie'
    ? logEvent({ eventType: 'user.authentication.auth_via_mfa', at: minutes(T0, n), actor: userActor(victim), place: PLACES.moscow, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', transactionId, debugData: { factor: 'OKTA_VERIFY_PUSH' } })
    : logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes(T0, n), actor: userActor(victim), place: PLACES.moscow, outcome: 'FAILURE', reason: 'User rejected Okta push verify', transactionId });

describe('okta-mfa-push-fatigue', () => {
  it('given two rejections each logged in both forms under one transaction, when run, then they count as two (quiet); a third fires', () => {
    const two = [reject(0, 'oie', 'txA'), reject(0.01, 'classic', 'txA'), reject(2, 'oie', 'txB'), reject(2.01, 'classic', 'txB')];
    expect(run(two)).toHaveLength(0);
    const [f] = run([...two, reject(4, 'classic', 'txC')]);
    expect(f.context).toMatchObject({ count: 3 });
    expect(f.summary).toMatch(/^3 Okta Verify pushes rejected/);
  });

  it('given rejections with no transaction id (or Okta\'s "unknown"), when run, then each event counts', () => {
    expect(run([reject(0, 'oie', 'unknown'), reject(1, 'oie', 'unknown'), reject(2, 'oie', 'unknown')])).toHaveLength(1);
  });
});

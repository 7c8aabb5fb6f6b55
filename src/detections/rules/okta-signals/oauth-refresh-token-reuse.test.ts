import { normalize } from '../../../okta/event';
import { minutes, person, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type RefreshTokenReuseParams } from './oauth-refresh-token-reuse';
import { reuse, SPA } from './oauth-refresh-token-reuse.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-14T21:05:00Z';
const user = person('ethan.brooks@example.com');
const run = (events: OktaLogEvent[], params: Partial<RefreshTokenReuseParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-oauth-refresh-token-reuse', () => {
  it('given reuse on a custom authorization server, when run, then one near-time finding about the user and the client', () => {
    const [f] = run([reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0))]);
    expect(f.subject).toEqual({ type: 'user', id: user.id, display: user.login });
    expect(f.mode).toBe('near-time');
    expect(f.summary).toContain('Expenses SPA');
    expect(f.context).toMatchObject({ authorizationServer: 'custom', client: 'Expenses SPA', clientId: SPA.id, grantType: 'refresh_token' });
  });

  it('given reuse on the org authorization server, when run, then it says so', () => {
    const [f] = run([reuse('app.oauth2.token.detect_reuse', minutes(T0, 0))]);
    expect(f.context?.authorizationServer).toBe('org');
  });

  it('given no user in the event (null target), when run, then the client app is the subject', () => {
    const [f] = run([withQuirks(reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0)), { nullTarget: true })]);
    expect(f.subject).toEqual({ type: 'app', id: SPA.id, display: 'Expenses SPA' });
  });

  it('given the client allow-listed by id, when run, then quiet', () => {
    expect(run([reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0))], { allowedClients: [SPA.id!] })).toHaveLength(0);
  });

  it('given repeated reuse for the same user within an hour, when run, then one finding', () => {
    expect(run([0, 1, 2].map((n) => reuse('app.oauth2.token.detect_reuse', minutes(T0, n))))).toHaveLength(1);
  });
});

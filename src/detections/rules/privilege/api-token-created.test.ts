import { normalize } from '../../../okta/event';
import { minutes, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { ADMIN, AUTOMATION } from '../../fixture-builders/admin';
import { tokenEvent } from '../../fixture-builders/api-token';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './api-token-created';
import unrestricted from './api-token-unrestricted-network';

const T0 = '2026-11-07T07:50:00Z';

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}, d: Detection<any, any> = detection) {
  return detectAll([{ detection: d as Detection<Params, unknown>, params: { ...d.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-api-token-created', () => {
  it('is registered in the privilege category, near-time, medium', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.mode).toBe('near-time');
    expect(detection.severity).toBe('medium');
  });

  it('given a token restricted to zones, when detected, then one finding on the token with the network in context', () => {
    const [f, ...rest] = run([tokenEvent({ at: T0, network: 'ZONE', name: 'okta-sync' })]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'token', id: '00T1a2b3c4d5e6f7g8h9', display: 'okta-sync' });
    expect(f.context).toMatchObject({ networkConnection: 'ZONE', unrestrictedNetwork: false, actor: ADMIN.login });
  });

  it('given no network condition in debugData, when detected, then it fires with networkConnection "unknown"', () => {
    const [f] = run([tokenEvent({ at: T0 })]);
    expect(f.context?.networkConnection).toBe('unknown');
    expect(f.context?.unrestrictedNetwork).toBeUndefined();
  });

  it('given an ANYWHERE token, when detected, then this rule stays quiet and okta-api-token-unrestricted-network fires (no double alert)', () => {
    const e = tokenEvent({ at: T0, network: 'ANYWHERE' });
    expect(run([e])).toHaveLength(0);
    expect(run([e], {}, unrestricted)).toHaveLength(1);
  });

  it('given includeUnrestricted, when an ANYWHERE token is created, then this rule reports it too, flagged', () => {
    const [f] = run([tokenEvent({ at: T0, network: 'ANYWHERE' })], { includeUnrestricted: true });
    expect(f.context?.unrestrictedNetwork).toBe(true);
    expect(f.summary).toContain('ANYWHERE');
  });

  it('given a lower-case network value, when detected, then it is normalised', () => {
    const e = tokenEvent({ at: T0 }) as unknown as { debugContext: { debugData: Record<string, unknown> } };
    e.debugContext.debugData.networkConnection = 'anywhere';
    expect(run([e as unknown as OktaLogEvent])).toHaveLength(0);
  });

  it('given two tokens created in the same hour, when detected, then two findings', () => {
    expect(run([tokenEvent({ at: T0, network: 'ZONE', name: 'a' }), { ...tokenEvent({ at: minutes(T0, 1), network: 'ZONE' }), target: [{ id: '00T2other', type: 'Token', alternateId: 'unknown', displayName: 'b', detailEntry: null }] }])).toHaveLength(2);
  });

  it('given an allow-listed creator, an update or a failure, when detected, then quiet', () => {
    expect(run([tokenEvent({ at: T0, network: 'ZONE', actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
    expect(run([tokenEvent({ eventType: 'system.api_token.update', at: T0, network: 'ZONE' })])).toHaveLength(0);
    expect(run([tokenEvent({ at: T0, network: 'ZONE', outcome: 'FAILURE' })])).toHaveLength(0);
  });

  it('given Okta quirks (string debug data, null target), when detected, then it fires without throwing', () => {
    const [f] = run([withQuirks(tokenEvent({ at: T0, network: 'ZONE' }), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })]);
    expect(f.subject.id).toMatch(/^event:/);
  });
});

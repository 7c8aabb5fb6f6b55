import { normalize } from '../../../okta/event';
import { userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { AUTOMATION } from '../../fixture-builders/admin';
import { tokenEvent } from '../../fixture-builders/api-token';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './api-token-unrestricted-network';

const T0 = '2026-11-07T07:55:00Z';

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-api-token-unrestricted-network', () => {
  it('is registered in the privilege category, near-time, high, reading create and update', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.severity).toBe('high');
    expect(detection.mode).toBe('near-time');
    expect(detection.eventTypes).toEqual(['system.api_token.create', 'system.api_token.update']);
  });

  it('given a token created with networkConnection ANYWHERE, when detected, then one high finding', () => {
    const [f, ...rest] = run([tokenEvent({ at: T0, network: 'ANYWHERE', name: 'okta-sync' })]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('high');
    expect(f.summary).toContain('created API token okta-sync usable from any network');
    expect(f.context).toMatchObject({ networkConnection: 'ANYWHERE', unrestrictedNetwork: true });
  });

  it('given an existing token changed to ANYWHERE, when detected, then it fires as "changed"', () => {
    const [f] = run([tokenEvent({ eventType: 'system.api_token.update', at: T0, network: 'ANYWHERE' })]);
    expect(f.summary).toContain('changed API token');
  });

  it('given ZONE or no network value, when detected, then quiet', () => {
    expect(run([tokenEvent({ at: T0, network: 'ZONE' }), tokenEvent({ at: T0 })])).toHaveLength(0);
  });

  it('given an allow-listed actor would be ignored elsewhere, when it makes an ANYWHERE token, then it still fires (no actor allow-list here)', () => {
    expect('allowedActors' in detection.defaults).toBe(false);
    expect(run([tokenEvent({ at: T0, network: 'ANYWHERE', actor: userActor(AUTOMATION) })])).toHaveLength(1);
  });

  it('given the tenant exempts a token by name, when detected, then quiet for it only', () => {
    expect(run([tokenEvent({ at: T0, network: 'ANYWHERE', name: 'legacy-hr-sync' })], { allowedTokens: ['LEGACY-HR-SYNC'] })).toHaveLength(0);
    expect(run([tokenEvent({ at: T0, network: 'ANYWHERE', name: 'other' })], { allowedTokens: ['legacy-hr-sync'] })).toHaveLength(1);
  });

  it('given string debug data and empty client (Okta quirks), when detected, then it still fires', () => {
    expect(run([withQuirks(tokenEvent({ at: T0, network: 'ANYWHERE' }))])).toHaveLength(1);
  });
});

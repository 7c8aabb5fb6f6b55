import { normalize } from '../../../okta/event';
import { minutes, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './idp-created-or-modified';

const T0 = '2026-11-05T03:12:00Z';
const idp = (name = 'Partner SAML IdP', id = '0oa1idpPartner4x7'): OktaActor => ({ id, type: 'IdentityProvider', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, opts: { target?: OktaActor[] | null; actor?: OktaActor; at?: number | string; outcome?: 'SUCCESS' | 'FAILURE' } = {}) =>
  adminEvent({ eventType, at: opts.at ?? T0, target: opts.target === undefined ? [idp()] : opts.target, actor: opts.actor ?? userActor(ROGUE), outcome: opts.outcome, debugData: { idpType: 'SAML2' } });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-idp-created-or-modified', () => {
  it('is registered in the configuration category, near-time and high', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.mode).toBe('near-time');
    expect(detection.severity).toBe('high');
    expect(detection.mitre.technique).toBe('T1484.002');
  });

  it.each(['system.idp.lifecycle.create', 'system.idp.lifecycle.update', 'system.idp.lifecycle.activate'])('given %s, when detected, then one finding on the IdP', (eventType) => {
    const [f, ...rest] = run([ev(eventType)]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'idp', id: '0oa1idpPartner4x7', display: 'Partner SAML IdP' });
    expect(f.context?.idpType).toBe('SAML2');
  });

  it('given an IdP deactivated and another deleted, when detected, then medium findings that say so', () => {
    const found = run([ev('system.idp.lifecycle.deactivate'), ev('system.idp.lifecycle.delete', { target: [idp('Rogue OIDC', '0oa1rogue4x7')], at: minutes(T0, 3) })]);
    expect(found.map((f) => [f.severity, f.summary.replace(/^.* (deactivated|deleted) /, '$1 ')])).toEqual([
      ['medium', 'deactivated Partner SAML IdP'],
      ['medium', 'deleted identity provider Rogue OIDC'],
    ]);
    expect(run([ev('system.idp.lifecycle.create')])[0].severity).toBe('high');
  });

  it('given read_client_secret, when detected, then quiet', () => {
    expect(run([ev('system.idp.lifecycle.read_client_secret')])).toHaveLength(0);
  });

  it('given two IdPs created in the same hour, when detected, then two findings', () => {
    expect(run([ev('system.idp.lifecycle.create'), ev('system.idp.lifecycle.create', { target: [idp('Rogue OIDC', '0oa1rogue4x7')], at: minutes(T0, 3) })])).toHaveLength(2);
  });

  it('given an allow-listed actor, an ignored IdP or a failure, when detected, then quiet', () => {
    expect(run([ev('system.idp.lifecycle.update', { actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
    expect(run([ev('system.idp.lifecycle.update')], { ignoreIdps: ['0oa1idpPartner4x7'] })).toHaveLength(0);
    expect(run([ev('system.idp.lifecycle.create', { outcome: 'FAILURE' })])).toHaveLength(0);
  });

  it('given a quirky create with null target, when detected, then it still fires (unknown IdP) without throwing', () => {
    const [f] = run([withQuirks(ev('system.idp.lifecycle.create'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })]);
    expect(f.subject.display).toBe('unknown identity provider');
  });
});

import { normalize } from '../../../okta/event';
import { minutes, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import userGrant from './admin-role-granted';
import detection from './admin-role-granted-to-group';

const T0 = '2026-11-06T13:45:00Z';
const group = (name = 'Contractors', id = '00g1contractors4x7'): OktaActor => ({ id, type: 'UserGroup', alternateId: 'unknown', displayName: name, detailEntry: null });
const grant = (privilegeGranted?: string, opts: { target?: OktaActor[] | null; actor?: OktaActor; at?: string | number; outcome?: 'SUCCESS' | 'FAILURE' } = {}) =>
  adminEvent({
    eventType: 'group.privilege.grant',
    at: opts.at ?? T0,
    target: opts.target === undefined ? [group()] : opts.target,
    actor: opts.actor ?? userActor(ROGUE),
    outcome: opts.outcome,
    debugData: privilegeGranted ? { privilegeGranted } : {},
  });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}, d: Detection<any, any> = detection) {
  return detectAll([{ detection: d as Detection<Params, unknown>, params: { ...d.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-admin-role-granted-to-group', () => {
  it('is registered in the privilege category next to the user grant, near-time and high', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.mode).toBe('near-time');
    expect(detection.severity).toBe('high');
    expect(detection.eventTypes).toEqual(['group.privilege.grant']);
  });

  it('given Super administrator granted to a group, when detected, then one finding on the group naming role and grantor', () => {
    const [f, ...rest] = run([grant('Super administrator')]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'group', id: '00g1contractors4x7', display: 'Contractors' });
    expect(f.summary).toBe(`${ROGUE.login} granted "Super administrator" to group Contractors`);
    expect(f.context).toMatchObject({ privilegeGranted: 'Super administrator', actor: ROGUE.login });
  });

  it('given a group grant, when the user-grant detection runs, then it does not fire (the two are separate)', () => {
    expect(run([grant('Super administrator')], {}, userGrant)).toHaveLength(0);
  });

  it('given no privilegeGranted but a Role target, when detected, then the role comes from the target', () => {
    const [f] = run([grant(undefined, { target: [group(), { id: 'ra1x4x7', type: 'Role', alternateId: 'unknown', displayName: 'ORG_ADMIN', detailEntry: null }] })]);
    expect(f.context?.privilegeGranted).toBe('ORG_ADMIN');
  });

  it('given rolePattern "super", when a help desk role is granted, then quiet; when super admin is granted, then it fires', () => {
    expect(run([grant('Help Desk administrator')], { rolePattern: 'super' })).toHaveLength(0);
    expect(run([grant('Super administrator')], { rolePattern: 'super' })).toHaveLength(1);
  });

  it('given an invalid rolePattern from a tenant file, when detected, then it does not throw and reports every grant', () => {
    expect(run([grant('Help Desk administrator')], { rolePattern: '([' })).toHaveLength(1);
  });

  it('given grants to two groups in one hour, when detected, then two findings; two grants to one group, one', () => {
    expect(run([grant('Read only admin'), grant('App administrator', { target: [group('Sales', '00g1sales4x7')], at: minutes(T0, 5) })])).toHaveLength(2);
    expect(run([grant('Read only admin'), grant('App administrator', { at: minutes(T0, 5) })])).toHaveLength(1);
  });

  it('given failure, allow-listed actor, ignored group, or no group target, when detected, then quiet', () => {
    expect(run([grant('Super administrator', { outcome: 'FAILURE' })])).toHaveLength(0);
    expect(run([grant('Super administrator', { actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
    expect(run([grant('Super administrator')], { ignoreGroups: ['contractors'] })).toHaveLength(0);
    expect(run([grant('Super administrator', { target: null })])).toHaveLength(0);
  });

  it('given string debug data and an empty client (Okta quirks), when detected, then it still fires', () => {
    expect(run([withQuirks(grant('Super administrator'))])).toHaveLength(1);
  });
});

import { normalize } from '../../../okta/event';
import { userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './custom-admin-role-widened';

const T0 = '2026-11-06T18:20:00Z';
const role = (name = 'Helpdesk Plus', id = 'cr01helpdeskplus4x7'): OktaActor => ({ id, type: 'CUSTOM_ROLE', alternateId: 'unknown', displayName: name, detailEntry: null });
const set = (name = 'All users', id = 'iam1allusers4x7'): OktaActor => ({ id, type: 'RESOURCE_SET', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, target: OktaActor[] | null, debugData: Record<string, unknown> = {}, actor: OktaActor = userActor(ROGUE)) => adminEvent({ eventType, at: T0, target, actor, debugData });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-custom-admin-role-widened', () => {
  it('is registered in the privilege category, hourly', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.mode).toBe('hourly');
  });

  it.each([
    ['iam.role.create', 'role created'],
    ['iam.role.update', 'role updated'],
    ['iam.role.permissions.add', 'permissions added'],
    ['iam.role.permission.conditions.delete', 'permission conditions removed'],
    ['iam.resourceset.bindings.add', 'role assigned (binding added)'],
  ])('given %s on a custom role, when detected, then one finding on the role (%s)', (eventType, change) => {
    const [f, ...rest] = run([ev(eventType, [role()])]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'role', id: 'cr01helpdeskplus4x7', display: 'Helpdesk Plus' });
    expect(f.context?.change).toBe(change);
  });

  it.each(['iam.resourceset.create', 'iam.resourceset.update', 'iam.resourceset.resources.add', 'iam.resourceset.resources.update'])(
    'given %s, when detected, then the resource set is the subject',
    (eventType) => {
      const [f] = run([ev(eventType, [set()])]);
      expect(f.subject.id).toBe('iam1allusers4x7');
      expect(f.summary).toContain('resource set All users');
    },
  );

  it('given narrowing events (permissions removed, role deleted, conditions added), when detected, then quiet', () => {
    expect(run([ev('iam.role.permissions.delete', [role()]), ev('iam.role.delete', [role()]), ev('iam.role.permission.conditions.add', [role()]), ev('iam.resourceset.bindings.delete', [role()])])).toHaveLength(0);
  });

  it('given a sensitive permission in a target or debugData, when detected, then it is listed in context', () => {
    const [f] = run([ev('iam.role.permissions.add', [role()], { permissions: 'okta.users.credentials.manage,okta.users.read' })]);
    expect(f.context?.permissions).toEqual(['okta.users.credentials.manage', 'okta.users.read']);
    expect(f.context?.sensitivePermissions).toEqual(['okta.users.credentials.manage']);
  });

  it('given onlySensitive, when only read permissions are added, then quiet; with a tenant-defined sensitive permission, then it fires', () => {
    const e = ev('iam.role.permissions.add', [role()], { permission: 'okta.reports.read' });
    expect(run([e], { onlySensitive: true })).toHaveLength(0);
    expect(run([e], { onlySensitive: true, sensitivePermissions: ['okta.reports.read'] })).toHaveLength(1);
  });

  it('given an allow-listed IaC actor, when detected, then quiet', () => {
    expect(run([ev('iam.role.create', [role()], {}, userActor(AUTOMATION))], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
  });

  it('given a quirky event with null target, when detected, then it fires on an unknown role without throwing', () => {
    const [f] = run([withQuirks(ev('iam.role.create', [role()]), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })]);
    expect(f.subject.display).toBe('unknown custom role');
  });
});

describe('okta-custom-admin-role-widened permission parsing', () => {
  it('given an Okta hostname in debugData, when detected, then it is not mistaken for a permission', () => {
    const [f] = detectAll(
      [{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults } as Params }],
      [normalize(adminEvent({ eventType: 'iam.role.create', at: T0, target: [role()], debugData: { url: 'https://acme.okta.emea.com/api/v1/iam/roles', permission: 'okta.groups.manage' } }))],
    );
    expect(f.context?.permissions).toEqual(['okta.groups.manage']);
  });
});

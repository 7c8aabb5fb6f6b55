import { normalize } from '../../../okta/event';
import { minutes, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent, AUTOMATION, changedTarget } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './network-zone-weakened';

const T0 = '2026-11-04T21:05:00Z';
const zone = (name = 'BlockedIpZone', id = 'nzo1blocked4x7'): OktaActor => ({ id, type: 'NetworkZone', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, target: OktaActor[] | null = [zone()], at: string | number = T0) => adminEvent({ eventType, at, target });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-network-zone-weakened', () => {
  it('is registered in the configuration category and near-time', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.mode).toBe('near-time');
  });

  it.each([
    ['zone.delete', 'zone-deleted'],
    ['zone.deactivate', 'zone-deactivated'],
    ['zone.remove_blacklist', 'blocklist-removed'],
    ['security.zone.remove_blacklist', 'blocklist-removed'],
    ['network_zone.rule.disabled', 'zone-rule-disabled'],
    ['zone.update', 'zone-updated'],
  ])('given %s, when detected, then one finding on the zone with change %s', (eventType, change) => {
    const [f, ...rest] = run([ev(eventType)]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'zone', id: 'nzo1blocked4x7', display: 'BlockedIpZone' });
    expect(f.context?.change).toBe(change);
  });

  it('given a block-list zone turned into a policy zone, when detected, then the detail says blocklist-removed', () => {
    const [f] = run([ev('zone.update', [changedTarget(zone(), { usage: 'BLOCKLIST' }, { usage: 'POLICY' })])]);
    expect(f.context?.details).toEqual(['blocklist-removed']);
  });

  it('given zone edits with includeUpdates off, when detected, then only the removals fire', () => {
    expect(run([ev('zone.update'), ev('zone.delete', [zone('Corp', 'nzo1corp4x7')])], { includeUpdates: false })).toHaveLength(1);
  });

  it('given zone creation and activation, when detected, then quiet', () => {
    expect(detection.eventTypes).not.toContain('zone.create');
    expect(run([ev('zone.create'), ev('zone.activate'), ev('zone.make_blacklist')])).toHaveLength(0);
  });

  it('given a deactivate then delete of the same zone in one hour, when detected, then one finding; in two hours, two', () => {
    expect(run([ev('zone.deactivate'), ev('zone.delete', [zone()], minutes(T0, 2))])).toHaveLength(1);
    expect(run([ev('zone.deactivate'), ev('zone.delete', [zone()], minutes(T0, 120))])).toHaveLength(2);
  });

  it('given an allow-listed actor, an ignored zone or a failure, when detected, then quiet', () => {
    expect(run([adminEvent({ eventType: 'zone.delete', at: T0, target: [zone()], actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
    expect(run([ev('zone.update', [zone('Dynamic-AWS-Egress', 'nzo1aws4x7')])], { ignoreZones: ['dynamic-aws-egress'] })).toHaveLength(0);
    expect(run([adminEvent({ eventType: 'zone.delete', at: T0, target: [zone()], outcome: 'FAILURE' })])).toHaveLength(0);
  });

  it('given a zone target typed differently (e.g. "network_zone"), when detected, then the zone is still found', () => {
    const [f] = run([ev('zone.delete', [{ id: 'nzo1x4x7', type: 'network_zone', alternateId: 'unknown', displayName: 'Legacy', detailEntry: null }])]);
    expect(f.subject.id).toBe('nzo1x4x7');
  });

  it('given quirky events, when detected, then no throw', () => {
    expect(() => run([withQuirks(ev('zone.delete'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).not.toThrow();
  });
});

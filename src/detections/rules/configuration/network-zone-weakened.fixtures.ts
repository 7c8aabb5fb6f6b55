import { userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, changedTarget } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './network-zone-weakened';

const T0 = '2026-11-04T21:05:00Z';
type P = { includeUpdates: boolean; allowedActors: readonly string[]; ignoreZones: readonly string[] };

const zone = (name = 'BlockedIpZone', id = 'nzo1blocked4x7'): OktaActor => ({ id, type: 'NetworkZone', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, target: OktaActor[] | null = [zone()], actor?: OktaActor) =>
  adminEvent({ eventType, at: T0, target, actor, requestUri: `/api/v1/zones/${target?.[0]?.id ?? 'unknown'}` });

export default fixtureTable<P>(detection, {
  positive: [
    { name: 'block-list zone deleted', events: [ev('zone.delete')], expect: [{ subject: { type: 'zone', id: 'nzo1blocked4x7' } }] },
    { name: 'zone removed from the block list', events: [ev('zone.remove_blacklist')], expect: [{ subject: { type: 'zone', id: 'nzo1blocked4x7' } }] },
    { name: 'corporate zone deactivated', events: [ev('zone.deactivate', [zone('Corporate HQ', 'nzo1corphq4x7')])], expect: [{ subject: { type: 'zone', id: 'nzo1corphq4x7' } }] },
    { name: 'zone edited, block list turned into a policy zone', events: [ev('zone.update', [changedTarget(zone(), { usage: 'BLOCKLIST' }, { usage: 'POLICY' })])], expect: [{ subject: { type: 'zone', id: 'nzo1blocked4x7' } }] },
  ],
  negative: [
    { name: 'zone edits ignored when includeUpdates is off', events: [ev('zone.update')], expect: [], params: { includeUpdates: false } },
    { name: 'new zone created (not listened to)', events: [ev('zone.create')], expect: [] },
    { name: 'zone activated (not listened to)', events: [ev('zone.activate')], expect: [] },
    { name: 'delete by allow-listed automation', events: [ev('zone.delete', [zone()], userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'failed delete', events: [adminEvent({ eventType: 'zone.delete', at: T0, target: [zone()], outcome: 'FAILURE' })], expect: [] },
  ],
});

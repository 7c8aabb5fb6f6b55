import { actorAllowed, actorContext, actorLabel, inList, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { changeDetails, valuesOf, weakenings } from '../../kit/change-details';
import { singleEvent } from '../../kit/single-event';

/** What each event does to a zone. `security.zone.*` is the older spelling of the block-list events. */
const CHANGES: Readonly<Record<string, string>> = {
  'zone.deactivate': 'zone-deactivated',
  'zone.delete': 'zone-deleted',
  'zone.remove_blacklist': 'blocklist-removed',
  'security.zone.remove_blacklist': 'blocklist-removed',
  'network_zone.rule.disabled': 'zone-rule-disabled',
  'zone.update': 'zone-updated',
};

/** A network zone disabled, deleted, taken off the block list, or (optionally) edited. */
export default singleEvent({
  id: 'okta-network-zone-weakened',
  title: 'Network zone weakened or removed',
  description:
    'A network zone was deactivated or deleted, a zone was taken off the block list, a zone rule was disabled ' +
    '(`zone.deactivate`, `zone.delete`, `zone.remove_blacklist` / `security.zone.remove_blacklist`, `network_zone.rule.disabled`), ' +
    'or a zone was edited (`zone.update`, unless `includeUpdates` is off). Zones feed sign-on and authentication policies: ' +
    'dropping a block list lets attacker infrastructure back in, and adding an IP to a trusted zone exempts it from MFA.',
  severity: 'medium',
  mitre: { tactic: 'Defense Evasion', technique: 'T1562.007', name: 'Impair Defenses: Disable or Modify Cloud Firewall' },
  mode: 'near-time',
  eventTypes: Object.keys(CHANGES),
  defaults: { includeUpdates: true, allowedActors: [] as readonly string[], ignoreZones: [] as readonly string[] },
  match(e, p) {
    const change = CHANGES[e.eventType];
    if (!change || !succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    if (change === 'zone-updated' && !p.includeUpdates) return undefined;
    const zone = targetOfType(e, ['NetworkZone', 'Zone']);
    if (inList(zone?.displayName, p.ignoreZones)) return undefined;
    const changes = changeDetails(e);
    const detail = [...weakenings(changes)];
    // A block-list zone turned into a policy zone, when Okta says so in the before/after values.
    if (changes.some((c) => valuesOf(c.from, 'usage').includes('blocklist') && valuesOf(c.to, 'usage').includes('policy'))) detail.push('blocklist-removed');
    const zoneLabel = zone ? objectName(zone) : 'a network zone';
    return {
      subject: zone ? { type: 'zone', id: zone.id, display: objectName(zone) } : { type: 'zone', id: `event:${e.uuid}`, display: 'unknown zone' },
      summary: `${actorLabel(e)}: ${change.replace(/-/g, ' ')} on ${zoneLabel}${detail.length ? ` (${detail.join(', ')})` : ''}`,
      context: { ...actorContext(e), eventType: e.eventType, change, zone: zone?.displayName, details: detail },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned cleanup of old office ranges',
  ],
  runbook: {
    check: [
      'The zone\'s addresses before and after, and the policies that use it',
    ],
    act: [
      'Restore the zone; review sign-ins from the added ranges',
    ],
  },
  references: [
    'Elastic "Attempt to Deactivate an Okta Network Zone", "Attempt to Delete an Okta Network Zone", "Attempt to Modify an Okta Network Zone" (zone.update, network_zone.rule.disabled, zone.remove_blacklist)',
    'Okta Event Types catalog (zone.*, security.zone.remove_blacklist, network_zone.rule.disabled)',
  ],
});

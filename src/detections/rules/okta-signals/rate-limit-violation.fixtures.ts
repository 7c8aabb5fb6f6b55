import { logEvent, minutes, PLACES } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './rate-limit-violation';

const T0 = '2026-11-13T02:00:00Z';

export const rateEvent = (eventType: string, at: number, requestUri = '/api/v1/authn') =>
  logEvent({
    eventType,
    at,
    place: PLACES.lagos,
    severity: 'WARN',
    outcome: 'DENY',
    displayMessage: eventType.endsWith('burst') ? 'Rate limit burst' : 'Rate limit violation',
    target: [{ id: requestUri, type: 'URL Pattern', alternateId: requestUri, displayName: requestUri, detailEntry: null }],
    debugData: { requestUri, url: `${requestUri}?` },
  });

/** A large org's nightly sync brushing the limits on day d: 4 violations on /api/v1/users from 02:00. */
const nightlySync = (d: number) => [0, 5, 10, 15].map((n) => rateEvent('system.org.rate_limit.violation', minutes(T0, d * 24 * 60 + n), '/api/v1/users'));
/** A flood on /api/v1/authn on day d: 20 violations in 20 minutes from 02:20. */
const flood = (d: number) => Array.from({ length: 20 }, (_, n) => rateEvent('system.org.rate_limit.violation', minutes(T0, d * 24 * 60 + 20 + n)));

export default fixtureTable(detection, {
  positive: [
    { name: '3 org violations on /api/v1/authn in 3 minutes', events: [0, 1, 2].map((n) => rateEvent('system.org.rate_limit.violation', minutes(T0, n))), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-13T02:00:00.000Z', windowEnd: '2026-11-13T02:02:00.000Z' }] },
    {
      name: 'mixed org, concurrency and client violations count together',
      events: [rateEvent('system.org.rate_limit.violation', minutes(T0, 0)), rateEvent('core.concurrency.org.limit.violation', minutes(T0, 10)), rateEvent('system.client.rate_limit.violation', minutes(T0, 20), '/oauth2/v1/authorize')],
      expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-13T02:00:00.000Z', windowEnd: '2026-11-13T02:20:00.000Z' }],
    },
    {
      name: "a new tenant: the floor fires on the first 3 nights of the sync's 4 violations; then the same night is normal, and a flood on top of it fires",
      events: [0, 1, 2, 3, 4].flatMap(nightlySync).concat(flood(4)),
      expect: [
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-13T02:00:00.000Z', windowEnd: '2026-11-13T02:10:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-14T02:00:00.000Z', windowEnd: '2026-11-14T02:10:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-15T02:00:00.000Z', windowEnd: '2026-11-15T02:10:00.000Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-17T02:00:00.000Z', windowEnd: '2026-11-17T02:27:00.000Z' },
      ],
    },
    { name: 'tenant reports every violation', events: [rateEvent('system.operation.rate_limit.violation', minutes(T0, 0))], expect: [{ subject: { type: 'org', id: 'org' } }], params: { threshold: 1 } },
    { name: 'tenant counts bursts', events: [0, 1, 2].map((n) => rateEvent('system.org.rate_limit.burst', minutes(T0, n))), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-13T02:00:00.000Z', windowEnd: '2026-11-13T02:02:00.000Z' }], params: { countBursts: true } },
  ],
  negative: [
    { name: 'two violations (a nightly job)', events: [rateEvent('system.org.rate_limit.violation', minutes(T0, 0)), rateEvent('system.org.rate_limit.violation', minutes(T0, 1))], expect: [] },
    { name: 'three violations hours apart', events: [0, 90, 180].map((n) => rateEvent('system.org.rate_limit.violation', minutes(T0, n))), expect: [] },
    { name: 'bursts absorbed by Okta', events: [0, 1, 2, 3].map((n) => rateEvent('system.org.rate_limit.burst', minutes(T0, n))), expect: [] },
    { name: 'warnings are capacity planning', events: [0, 1, 2, 3].map((n) => rateEvent('system.org.rate_limit.warning', minutes(T0, n))), expect: [] },
  ],
});

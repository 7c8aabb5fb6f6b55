import { LocalBus } from '../../local/bus';
import type { EventPattern } from '../../src/events/patterns';

const ingest: EventPattern = { source: [{ prefix: 'aws.partner/okta.com' }] };
const okta = (eventType: string) => ({ source: 'aws.partner/okta.com/acme/vigil', detail: { eventType } });

function bus() {
  const delivered: Array<{ body: string; at: number }> = [];
  const b = new LocalBus({ ingest, archive: ingest }, { deliveryStream: async (body, at) => delivered.push({ body, at }) });
  return { b, delivered };
}

describe('local event bus', () => {
  it('given an event matching the ingest rule, when put at a time, then the delivery stream receives its JSON at that time', async () => {
    const { b, delivered } = bus();

    await b.put(okta('user.session.start'), 1_000);

    expect(delivered).toEqual([{ body: JSON.stringify(okta('user.session.start')), at: 1_000 }]);
    expect(b.stats).toEqual({ received: 1, toDeliveryStream: 1, unmatched: 0 });
  });

  it('given an event no rule matches, when put, then it goes nowhere and is counted as unmatched', async () => {
    const { b, delivered } = bus();

    await b.put({ source: 'aws.s3', detail: { eventType: 'user.session.start' } }, 1_000);

    expect(delivered).toEqual([]);
    expect(b.stats).toEqual({ received: 1, toDeliveryStream: 0, unmatched: 1 });
  });
});

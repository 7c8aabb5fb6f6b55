import { LocalBus } from '../../local/bus';
import type { EventPattern } from '../../src/events/patterns';

const ingest: EventPattern = { source: [{ prefix: 'aws.partner/okta.com' }] };
const nearTime: EventPattern[] = [
  { source: [{ prefix: 'aws.partner/okta.com' }], detail: { eventType: ['user.session.start'] } },
  { source: [{ prefix: 'aws.partner/okta.com' }], detail: { eventType: ['user.session.start', 'user.account.lock'] } },
];
const okta = (eventType: string) => ({ source: 'aws.partner/okta.com/acme/vigil', detail: { eventType } });

function bus() {
  const buffered: unknown[] = [];
  const nearTimeInvocations: unknown[] = [];
  const b = new LocalBus({ ingest, nearTime, archive: ingest }, { buffer: (e) => buffered.push(e), nearTime: async (e) => nearTimeInvocations.push(e) });
  return { b, buffered, nearTimeInvocations };
}

describe('local event bus', () => {
  it('given an event matching the ingest rule and two near-time rules, when put, then it is buffered once and invokes near-time once', async () => {
    const { b, buffered, nearTimeInvocations } = bus();

    await b.put(okta('user.session.start'));

    expect(buffered).toHaveLength(1);
    expect(nearTimeInvocations).toHaveLength(1);
    expect(b.stats).toEqual({ received: 1, toBuffer: 1, toNearTime: 1, unmatched: 0 });
  });

  it('given an event only the ingest rule matches, when put, then it is only buffered', async () => {
    const { b, buffered, nearTimeInvocations } = bus();

    await b.put(okta('system.email.delivery'));

    expect(buffered).toHaveLength(1);
    expect(nearTimeInvocations).toEqual([]);
    expect(b.stats).toEqual({ received: 1, toBuffer: 1, toNearTime: 0, unmatched: 0 });
  });

  it('given an event no rule matches, when put, then it goes nowhere and is counted as unmatched', async () => {
    const { b, buffered, nearTimeInvocations } = bus();

    await b.put({ source: 'aws.s3', detail: { eventType: 'user.session.start' } });

    expect(buffered).toEqual([]);
    expect(nearTimeInvocations).toEqual([]);
    expect(b.stats).toEqual({ received: 1, toBuffer: 0, toNearTime: 0, unmatched: 1 });
  });
});

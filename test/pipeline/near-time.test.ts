import { LocalPipeline } from '../../local/runtime';
import { clients, createDynamo, setClients } from '../../src/aws/clients';
import { DELIVERY_STREAM } from '../../src/pipeline/delivery';
import { listChunks } from '../../src/store/events';
import { failedSignIns, rejectedPushes, testTenant, wrap } from './helpers';

const T0 = Date.parse('2026-11-02T09:00:00Z');
const INTERVAL = DELIVERY_STREAM.bufferingIntervalSeconds * 1000;

describe('near-time path', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 5 } } } }));
  });
  afterEach(() => p.close());

  it("given push rejections arriving, when the delivery stream's interval passes, then near-time notifies from that object, without waiting for the hour", async () => {
    const pushes = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const [i, e] of pushes.entries()) await p.put(wrap(e), T0 + i * 1000);
    expect(p.published).toHaveLength(0); // still in the stream's buffer

    await p.advanceTo(T0 + INTERVAL);

    expect(p.delivery.objects).toBe(1);
    expect(p.published.map((m) => m.body.kind)).toEqual(['near-time']);
  });

  it('given an object with only event types no near-time detection reads, when indexed, then no live state is read or written', async () => {
    for (const e of failedSignIns('2026-11-02T09:00:00Z', 3)) await p.put(wrap(e), T0);

    await p.drain();

    expect(p.meter.usage().filter((u) => u.component === 'ingest' && String(u.resource).endsWith('-state'))).toEqual([]);
  });

  it('given many events for one user in one object, when near-time evaluates it, then the live state is read and written once for that key, not per event', async () => {
    for (const [i, e] of rejectedPushes('2026-11-02T09:00:00Z', 20).entries()) await p.put(wrap(e), T0 + i * 1000);

    await p.drain();

    const state = p.meter.usage().filter((u) => u.component === 'ingest' && u.service === 'DynamoDB' && String(u.resource).endsWith('-state'));
    const requests = state.reduce((n, u) => n + u.requests, 0);
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(2 * 2); // a read and a write per key (push fatigue keys on the user)
    expect(p.published.filter((m) => m.body.kind === 'near-time')).toHaveLength(1);
  });

  it('given a user with a pending hourly finding, when a near-time finding fires for them, then one message carries both at once', async () => {
    for (const e of failedSignIns('2026-11-02T08:00:00Z', 6)) await p.put(wrap(e));
    await p.runHourly('2026-11-02T08:15:00Z', ['2026-11-02T08']); // brute force found...
    expect(p.published).toHaveLength(1); // ...and notified hourly
    for (const e of failedSignIns('2026-11-02T09:00:00Z', 6)) await p.put(wrap(e));
    await p.drain();
    // Hour 09 is detected (the workflow's Detect step) but not yet notified when the pushes arrive.
    await p.invoke('detect', { tenantId: 'testco', hour: '2026-11-02T09', chunks: await chunkKeys(p, '2026-11-02T09') });

    for (const e of rejectedPushes('2026-11-02T09:20:00Z', 3)) await p.put(wrap(e));
    await p.drain();

    const nearTime = p.published.filter((m) => m.body.kind === 'near-time');
    expect(nearTime).toHaveLength(1);
    expect(nearTime[0].body.findings.map((f) => f.detectionId)).toEqual(['okta-mfa-push-fatigue', 'okta-brute-force-user']);
    expect(nearTime[0].input.Subject).toMatch(/\(\+1 pending\)/);
  });

  it('given SNS fails while a near-time finding is published, when SQS redelivers the object, then it is notified once, on the redelivery', async () => {
    const pushes = rejectedPushes('2026-11-02T09:00:00Z', 3);
    const c = clients();
    let failures = 0;
    setClients({ ...c, sns: { publish: async (input) => {
      if (failures++ === 0) throw Object.assign(new Error('SNS unavailable'), { name: 'InternalErrorException' });
      return c.sns.publish(input);
    } } });
    for (const e of pushes) await p.put(wrap(e));

    const drained = await p.drain();

    expect(drained.failures).toBe(1); // the object's message failed once, then went through
    expect(p.published).toHaveLength(1);
    await p.put(wrap(pushes[2])); // and Okta's redelivery of the last push, later
    await p.drain();
    expect(p.published).toHaveLength(1);
  });

  it('given Okta delivers a push rejection twice, when both copies reach near-time, then it counts once (the live state knows the uuid)', async () => {
    const [first, second, third] = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const e of [first, second]) await p.put(wrap(e));
    await p.drain();
    await p.put(wrap(second)); // a copy, in a later object
    await p.drain();
    expect(p.published).toHaveLength(0); // three deliveries, two pushes: below the threshold of three

    await p.put(wrap(third));
    await p.drain();

    expect(p.published.map((m) => m.body.findings[0].detectionId)).toEqual(['okta-mfa-push-fatigue']);
  });

  it('given events replayed from the archive (replay-name), when their object is indexed, then near-time sends no second notification', async () => {
    const pushes = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const e of pushes) await p.put(wrap(e));
    await p.drain();
    expect(p.published).toHaveLength(1);

    for (const e of pushes) await p.put(wrap(e, 'vigil-testco-replay-1'));
    await p.drain();

    expect(p.published).toHaveLength(1);
  });
});

function chunkKeys(p: LocalPipeline, hour: string): Promise<string[]> {
  return listChunks(createDynamo(p.endpoint), p.tables.events, hour);
}

import { LocalPipeline } from '../../local/runtime';
import { clients, createDynamo, setClients } from '../../src/aws/clients';
import { listChunks } from '../../src/store/events';
import { failedSignIns, rejectedPushes, testTenant, wrap } from './helpers';

describe('near-time path', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 5 } } } }));
  });
  afterEach(() => p.close());

  it('given the near-time rule pattern, when a push rejection arrives, then it reaches the near-time function and a sign-in does not', async () => {
    await p.put(wrap(rejectedPushes('2026-11-02T09:00:00Z', 1)[0]));
    await p.put(wrap(failedSignIns('2026-11-02T09:00:00Z', 1)[0]));
    expect(p.bus.toBuffer).toBe(2);
    expect(p.bus.toNearTime).toBeGreaterThanOrEqual(1);
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

    const nearTime = p.published.filter((m) => m.body.kind === 'near-time');
    expect(nearTime).toHaveLength(1);
    expect(nearTime[0].body.findings.map((f) => f.detectionId)).toEqual(['okta-mfa-push-fatigue', 'okta-brute-force-user']);
    expect(nearTime[0].input.Subject).toMatch(/\(\+1 pending\)/);
  });

  it('given SNS fails while a near-time finding is published, when EventBridge retries the event, then it is notified once, on the retry', async () => {
    const pushes = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const e of pushes.slice(0, 2)) await p.put(wrap(e));
    const c = clients();
    let fail = true;
    setClients({ ...c, sns: { publish: async (input) => {
      if (fail) {
        fail = false;
        throw Object.assign(new Error('SNS unavailable'), { name: 'InternalErrorException' });
      }
      return c.sns.publish(input);
    } } });

    await expect(p.put(wrap(pushes[2]))).rejects.toThrow(/SNS unavailable/);
    expect(p.published).toHaveLength(0);
    await p.put(wrap(pushes[2])); // EventBridge's retry of the same event

    expect(p.published).toHaveLength(1);
    await p.put(wrap(pushes[2])); // and Okta's redelivery of it, later
    expect(p.published).toHaveLength(1);
  });

  it('given Okta delivers a push rejection twice, when both copies reach near-time, then it counts once (the live state knows the uuid)', async () => {
    const [first, second, third] = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const e of [first, second, second]) await p.put(wrap(e));
    expect(p.published).toHaveLength(0); // three deliveries, two pushes: below the threshold of three

    await p.put(wrap(third));

    expect(p.published.map((m) => m.body.findings[0].detectionId)).toEqual(['okta-mfa-push-fatigue']);
  });

  it('given events replayed from the archive (replay-name), when they reach the near-time rule again, then no second notification is sent', async () => {
    const pushes = rejectedPushes('2026-11-02T09:00:00Z', 3);
    for (const e of pushes) await p.put(wrap(e));
    expect(p.published).toHaveLength(1);

    for (const e of pushes) await p.put(wrap(e, 'vigil-testco-replay-1'));

    expect(p.published).toHaveLength(1);
  });
});

function chunkKeys(p: LocalPipeline, hour: string): Promise<string[]> {
  return listChunks(createDynamo(p.endpoint), p.tables.events, hour);
}

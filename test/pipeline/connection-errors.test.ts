/**
 * DynamoDB unreachable for a while, then back (a proxy resets every request of the outage), on the local
 * runtime: the workflow's steps retry what passes instead of failing the hour.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startDynalite, type LocalDynamo } from '../../local/dynamo';
import { LocalPipeline } from '../../local/runtime';
import { failedSignIns, testTenant, wrap } from './helpers';
import { OutageProxy } from './outage-proxy';

describe('DynamoDB down, then back', () => {
  let dynamo: LocalDynamo;
  let proxy: OutageProxy;
  let p: LocalPipeline;
  beforeEach(async () => {
    dynamo = await startDynalite();
    proxy = await OutageProxy.start(dynamo.endpoint);
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }), { dynamoEndpoint: proxy.endpoint });
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    await p.drain();
  });
  afterEach(async () => {
    await p.close();
    await proxy.close();
    await dynamo.close();
  });

  it('given DynamoDB stops answering as the run starts and comes back after more failures than the SDK retries, when the schedule fires, then the run completes and the finding is sent', async () => {
    proxy.down({ requests: 12 });

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(proxy.failed).toBe(12);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', findings: 1, published: 1 }] });
    expect(p.published).toHaveLength(1);
  });

  it('given DynamoDB goes down after the hour is claimed for longer than the step retries, when it is back, then the hour is marked for reprocessing (not left RUNNING) and the next run sends the finding', async () => {
    // From the workflow's FindChunks query on: more failures than FindChunks retries, fewer than MarkForReprocess does.
    proxy.down({ startsAt: (target, body) => target.endsWith('.Query') && body.includes(p.tables.events), requests: 40 });

    const first = await p.runHourly('2026-11-02T10:15:00Z');
    const hour = await p.ddb.send(new GetCommand({ TableName: p.tables.hours, Key: { tenant: 'testco', hour: '2026-11-02T09' } }));
    const next = await p.runHourly('2026-11-02T11:15:00Z');

    expect(first.status).toBe('FAILED');
    expect(hour.Item).toMatchObject({ status: 'REPROCESS' });
    expect(next.status).toBe('SUCCEEDED');
    expect(next.output).toMatchObject({ hours: expect.arrayContaining([expect.objectContaining({ hour: '2026-11-02T09', status: 'DONE', findings: 1, published: 1 })]) });
    expect(p.published).toHaveLength(1);
  });
});

/**
 * End to end, for real: the synthesized-from-the-same-source state machine definition runs in
 * aws-local-stepfunctions, the Lambda handlers run as deployed, DynamoDB is dynalite. Only SNS is a
 * recorder (no local implementation exists).
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { clients, createDynamo, setClients } from '../../src/aws/clients';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { chunkObjectKey, listChunks } from '../../src/store/events';
import { claimNotification, NOTIFY_LEASE_MS } from '../../src/store/findings';
import { LocalPipeline, storedFindings } from '../../local/runtime';
import { closedHour } from '../../src/pipeline/plan';
import { logEvent, person, PLACES, userActor } from '../../src/okta/fixtures';
import { failedSignIns, normalSignIns, rejectedPushes, testTenant, victim, wrap } from './helpers';

describe('hourly workflow on the local runtime', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }));
  });
  afterEach(() => p.close());

  it('given an hour with a brute force and normal traffic, when the schedule fires, then the hour is processed and the finding is notified once', async () => {
    for (const e of [...failedSignIns('2026-11-02T09:05:00Z', 12), ...normalSignIns('2026-11-02T09:00:00Z', 10)]) await p.put(wrap(e));

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 22, findings: 1, published: 1 }] });
    const findings = await storedFindings(p, '2026-11-02T09');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ detectionId: 'okta-brute-force-user', subject: { type: 'user', id: victim.id }, notifiedVia: 'hourly' });
    expect(p.published).toHaveLength(1);
    expect(p.published[0].input.MessageAttributes?.severity.StringValue).toBe('medium');
    expect(p.published[0].input.MessageAttributes?.detection.StringValue).toBe('okta-brute-force-user');
  });

  it('given history across hours (impossible travel), when the hours run separately and one is rerun, then state carried in DynamoDB gives the same single finding', async () => {
    const traveller = person('traveller@testco.example');
    const signIn = (at: string, place: typeof PLACES.sanFrancisco) => logEvent({ eventType: 'user.session.start', at, actor: userActor(traveller), place, outcome: 'SUCCESS' });
    await p.put(wrap(signIn('2026-11-02T09:40:00Z', PLACES.sanFrancisco)));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', findings: 0 }] });
    await p.put(wrap(signIn('2026-11-02T10:20:00Z', PLACES.moscow))); // 9,400 km in 40 minutes

    const next = await p.runHourly('2026-11-02T11:15:00Z');
    const rerun = await p.runHourly('2026-11-02T11:30:00Z', ['2026-11-02T10']);

    expect(next.output).toMatchObject({ hours: [{ hour: '2026-11-02T10', findings: 1, published: 1 }] });
    expect(rerun.output).toMatchObject({ hours: [{ hour: '2026-11-02T10', findings: 1, published: 0 }] });
    const found = await storedFindings(p, '2026-11-02T10');
    expect(found.map((f) => f.detectionId)).toEqual(['okta-impossible-travel']);
  });

  it('given a late event changes an hour whose state later hours already built on, when it is reprocessed, then those hours are re-opened and the cross-hour finding appears', async () => {
    const traveller = person('late.traveller@testco.example');
    const signIn = (at: string, place: typeof PLACES.sanFrancisco) => logEvent({ eventType: 'user.session.start', at, actor: userActor(traveller), place, outcome: 'SUCCESS' });
    await p.put(wrap(signIn('2026-11-02T10:10:00Z', PLACES.moscow)));
    await p.runHourly('2026-11-02T10:15:00Z'); // hour 09: nothing
    const ten = await p.runHourly('2026-11-02T11:15:00Z'); // hour 10: a first sign-in, nothing to compare with
    expect(ten.output).toMatchObject({ hours: [{ hour: '2026-11-02T10', findings: 0 }] });

    await p.put(wrap(signIn('2026-11-02T09:50:00Z', PLACES.sanFrancisco))); // arrives three hours late
    const first = await p.runHourly('2026-11-02T12:15:00Z'); // reprocesses 09, which re-opens 10
    const second = await p.runHourly('2026-11-02T13:15:00Z'); // reprocesses 10 from the corrected state

    expect(first.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', findings: 0 }, { hour: '2026-11-02T11' }] });
    expect(second.output).toMatchObject({ hours: expect.arrayContaining([expect.objectContaining({ hour: '2026-11-02T10', status: 'DONE', events: 1, findings: 1, published: 1 })]) });
    expect((await storedFindings(p, '2026-11-02T10')).map((f) => f.detectionId)).toEqual(['okta-impossible-travel']);
  });

  it('given the findings index lags behind Detect, when Notify runs, then the workflow retries it until the findings show', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    const c = clients();
    let lagging = 2;
    setClients({
      ...c,
      ddb: { send: (cmd: unknown) => (lagging-- > 0 && cmd instanceof QueryCommand && cmd.input.IndexName === 'byHour' ? Promise.resolve({ Items: [] }) : c.ddb.send(cmd as never)) } as never,
    });

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ findings: 1, published: 1 }] });
    expect(lagging).toBeLessThan(0);
  });

  it('given a person starts the workflow with only the tenant id, when it runs, then it processes the hour closed before it started', async () => {
    // aws-local-stepfunctions always starts executions at the real time, so this test lives in real time.
    const hour = closedHour(new Date().toISOString(), 15);
    for (const e of failedSignIns(`${hour}:05:00Z`, 12)) await p.put(wrap(e));

    const run = await p.startExecution({ tenantId: 'testco' });

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour, findings: 1 }] });
  });

  it('given Step Functions retries a Plan that had already claimed its hours, when it runs again, then the same execution claims them again', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 3)) await p.put(wrap(e));
    await p.drain();
    const input = { tenantId: 'testco', request: { scheduledTime: '2026-11-02T10:15:00Z', hours: [] }, executionId: 'arn:aws:states:us-east-1:0:execution:x:run-1' };

    const first = await p.invoke<{ hours: string[] }>('plan', input);
    const retry = await p.invoke<{ hours: string[] }>('plan', input);
    const other = await p.invoke<{ hours: string[]; skipped: string[] }>('plan', { ...input, executionId: 'arn:aws:states:us-east-1:0:execution:x:run-2' });

    expect(first.hours).toEqual(['2026-11-02T09']);
    expect(retry.hours).toEqual(['2026-11-02T09']);
    expect(other).toMatchObject({ hours: [], skipped: ['2026-11-02T09'] });
  });

  it('given a notifier that died between claiming a finding and publishing it, when the next run comes after the lease, then the finding is notified, once', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    await p.drain();
    const chunks = await listChunks(createDynamo(p.endpoint), p.tables.events, '2026-11-02T09');
    await p.invoke('detect', { tenantId: 'testco', hour: '2026-11-02T09', chunks });
    const [finding] = await storedFindings(p, '2026-11-02T09');
    const ddb = createDynamo(p.endpoint);
    expect(await claimNotification(ddb, p.tables.findings, finding.id, 'hourly', Date.now())).toBe(true); // ...and then it died

    const whileClaimed = await p.invoke<{ published: number }>('notify', { tenantId: 'testco', hour: '2026-11-02T09' });
    expect(whileClaimed.published).toBe(0);
    await ddb.send(new PutCommand({ TableName: p.tables.findings, Item: { ...(await storedFindings(p, '2026-11-02T09'))[0], claimedAt: new Date(Date.now() - NOTIFY_LEASE_MS - 1000).toISOString() } }));
    const afterLease = await p.invoke<{ published: number }>('notify', { tenantId: 'testco', hour: '2026-11-02T09' });
    const again = await p.invoke<{ published: number }>('notify', { tenantId: 'testco', hour: '2026-11-02T09' });

    expect(afterLease.published).toBe(1);
    expect(again.published).toBe(0);
    expect(p.published).toHaveLength(1);
  });

  it('given an hour already processed, when it is run again, then nothing is notified twice', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    await p.runHourly('2026-11-02T10:15:00Z');

    const rerun = await p.runHourly('2026-11-02T10:15:00Z', ['2026-11-02T09']);

    expect(rerun.status).toBe('SUCCEEDED');
    expect(rerun.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', findings: 1, published: 0 }] });
    expect(p.published).toHaveLength(1);
  });

  it('given late events for a processed hour, when they arrive, then they land in their true hour, which the next run reprocesses', async () => {
    const events = failedSignIns('2026-11-02T09:05:00Z', 12);
    for (const e of events.slice(0, 8)) await p.put(wrap(e));
    const first = await p.runHourly('2026-11-02T10:15:00Z');
    expect(first.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', findings: 0 }] });

    for (const e of events.slice(8)) await p.put(wrap(e)); // delivered after 10:15, published at 09:13..09:16
    const next = await p.runHourly('2026-11-02T11:15:00Z');

    expect(next.status).toBe('SUCCEEDED');
    expect(next.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 12, findings: 1, published: 1 }, { hour: '2026-11-02T10', events: 0 }] });
  });

  it('given duplicates and a malformed record among the events, when ingested, then duplicates count once, the bad record is quarantined and the rest flows', async () => {
    const events = failedSignIns('2026-11-02T09:05:00Z', 12);
    for (const e of events) await p.put(wrap(e));
    for (const e of events.slice(0, 5)) await p.put(wrap(e)); // Okta delivers at least once
    await p.putRaw('{"detail-type":"SystemLog","source":"aws.partner/okta.com/testco/vigil-test","detail":');
    await p.put(wrap({ ...events[0], uuid: 'x-no-time', published: 'not a time' }));

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 12, findings: 1 }] });
    const ddb = createDynamo(p.endpoint);
    const day = new Date().toISOString().slice(0, 10);
    const q = await ddb.send(new QueryCommand({ TableName: p.tables.events, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `Q#${day}` } }));
    expect(q.Items?.map((i) => i.reason).sort()).toEqual([expect.stringMatching(/^malformed: envelope time "not a time" is not an ISO-8601 timestamp with its zone/), expect.stringMatching(/^malformed: invalid JSON/)]);
  });

  it('given Okta redelivers events of an hour already processed, when the next run fires, then the hour is rerun with each event once: same finding, not notified again', async () => {
    const events = failedSignIns('2026-11-02T09:05:00Z', 12);
    for (const e of events) await p.put(wrap(e));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 12, findings: 1, published: 1 }] });
    for (const e of events.slice(0, 5)) await p.put(wrap(e)); // redelivered after the hour was done

    const next = await p.runHourly('2026-11-02T11:15:00Z');

    expect(next.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 12, findings: 1, published: 0 }, { hour: '2026-11-02T10' }] });
    expect(p.published).toHaveLength(1);
  });

  it('given an hour with no events at all, when the schedule fires, then the run succeeds and marks it done', async () => {
    const run = await p.runHourly('2026-11-02T10:15:00Z');
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 0, findings: 0 }] });
  });

  it('given a corrupt chunk, when detection fails, then the hour is marked for reprocessing and the execution fails visibly', async () => {
    for (const e of normalSignIns('2026-11-02T09:00:00Z', 3)) await p.put(wrap(e));
    await p.drain();
    const ddb = createDynamo(p.endpoint);
    await p.s3.send(new PutObjectCommand({ Bucket: p.bucket, Key: chunkObjectKey('C#events/corrupt.gz'), Body: Buffer.from('not gzip') }));
    await ddb.send(new PutCommand({ TableName: p.tables.events, Item: { pk: 'H#2026-11-02T09', sk: 'C#events/corrupt.gz', count: 1 } }));

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/One or more hours failed and are marked for reprocessing/);
    const hour = await ddb.send(new GetCommand({ TableName: p.tables.hours, Key: { tenant: 'testco', hour: '2026-11-02T09' } }));
    expect(hour.Item).toMatchObject({ status: 'REPROCESS' });
  });

  it('given thousands of events in an hour, when the workflow runs, then its payloads carry references, not events', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => logEvent({ eventType: 'user.authentication.sso', at: Date.parse('2026-11-02T09:00:00Z') + i * 1000, actor: userActor(victim), outcome: 'SUCCESS' }));
    for (const e of many) await p.put(wrap(e));

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ events: 3000 }] });
    expect(JSON.stringify(run.output).length).toBeLessThan(2_000);
  });

  it('given a near-time detection fires, when the hourly run later finds the same thing, then it is notified once, near-time', async () => {
    for (const e of rejectedPushes('2026-11-02T09:10:00Z', 3)) await p.put(wrap(e));
    await p.drain(); // the delivery stream writes its object; ingest forwards it to near-time
    expect(p.published.map((m) => m.body.kind)).toEqual(['near-time']);

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ findings: 1, published: 0 }] });
    expect(p.published).toHaveLength(1);
  });
});

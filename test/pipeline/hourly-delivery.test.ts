/**
 * The hourly workflow under at-least-once, late and out-of-order delivery, retries and failures, on the
 * real local runtime (dynalite + aws-local-stepfunctions). Where AWS behaviour cannot happen locally
 * on its own (a lagging replica, a slow cold start, a crashed execution), the test injects it the way
 * the other pipeline tests do: by wrapping the clients, or by writing the state such a crash leaves.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clients, createDynamo, setClients } from '../../src/aws/clients';
import { LocalPipeline } from '../../local/runtime';
import { logEvent, person, PLACES, userActor } from '../../src/okta/fixtures';
import { failedSignIns, rejectedPushes, testTenant, victim, wrap } from './helpers';

const traveller = person('traveller@testco.example');
const signIn = (at: string, place: typeof PLACES.sanFrancisco) => logEvent({ eventType: 'user.session.start', at, actor: userActor(traveller), place, outcome: 'SUCCESS' });

describe('hourly workflow: delivery, ordering and failures', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }));
  });
  afterEach(() => p.close());

  it('given an hour whose chunks hold more than 1 MB in all, when the hour is processed, then every event is read', async () => {
    // Okta events with large debugData compress poorly; 900 of them make chunks well over 1 MB in all.
    const big = Array.from({ length: 900 }, (_, i) =>
      logEvent({ eventType: 'user.authentication.sso', at: Date.parse('2026-11-02T09:00:00Z') + i * 3000, actor: userActor(victim), outcome: 'SUCCESS', debugData: { blob: randomBytes(1500).toString('base64') } }),
    );
    for (const e of big) await p.put(wrap(e));

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 900 }] });
  });

  it('given a late event re-opens the previous hour, when it is reprocessed in the same run as the next hour, then the next hour starts from its state (however the Detect invocations are scheduled)', async () => {
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 0 }] });
    await p.put(wrap(signIn('2026-11-02T09:40:00Z', PLACES.sanFrancisco))); // late: hour 09 was already processed
    await p.put(wrap(signIn('2026-11-02T10:20:00Z', PLACES.moscow))); // 9,400 km in 40 minutes
    // Lambda gives no ordering between concurrent invocations: here hour 09's Detect has a cold start.
    const invoke = p.invoke.bind(p);
    p.invoke = (async (fn: string, payload: { hour?: string }) => {
      if (fn === 'detect' && payload.hour === '2026-11-02T09') await new Promise((r) => setTimeout(r, 200));
      return invoke(fn as never, payload);
    }) as typeof p.invoke;

    const run = await p.runHourly('2026-11-02T11:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 1, findings: 0 }, { hour: '2026-11-02T10', events: 1, findings: 1 }] });
  });

  it("given the previous hour's state is one snapshot object, when the next hour runs, then Detect reads that object (a HEAD: this process saved it last) and writes one, whatever the number of keys", async () => {
    for (let i = 0; i < 20; i++) await p.put(wrap(logEvent({ eventType: 'user.session.start', at: `2026-11-02T09:${String(10 + i).padStart(2, '0')}:00Z`, actor: userActor(person(`user${i}@testco.example`)), place: PLACES.sanFrancisco, outcome: 'SUCCESS' })));
    await p.runHourly('2026-11-02T10:15:00Z');
    await p.put(wrap(signIn('2026-11-02T10:20:00Z', PLACES.moscow)));
    const c = clients();
    const requests: string[] = [];
    const isState = (input: { Key?: string; Prefix?: string }) => (input.Key ?? input.Prefix ?? '').startsWith('state/');
    setClients({ ...c, s3: { send: (cmd: { constructor: { name: string }; input: { Key?: string; Prefix?: string } }) => (isState(cmd.input) && requests.push(cmd.constructor.name), c.s3.send(cmd as never)) } as never });

    const run = await p.runHourly('2026-11-02T11:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T10', status: 'DONE', events: 1 }] });
    // HEAD the previous hour's (its copy in memory is current) and this hour's (has a rerun changed it?), list the next, write.
    expect(requests.sort()).toEqual(['HeadObjectCommand', 'HeadObjectCommand', 'ListObjectsCommand', 'PutObjectCommand']);
  });

  it('given the schedule missed a run (EventBridge Scheduler gave up), when the next run fires, then the hour it missed is processed too', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    // No run at 10:15.

    const run = await p.runHourly('2026-11-02T11:15:00Z');

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 12, findings: 1, published: 1 }, { hour: '2026-11-02T10', status: 'DONE' }] });
  });

  it('given Plan fails after claiming some hours, when the next run fires, then the hours it had claimed are processed', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    await p.drain();
    const c = clients();
    let failClaim = true;
    setClients({
      ...c,
      ddb: {
        send: (cmd: unknown) => {
          if (failClaim && cmd instanceof UpdateCommand && cmd.input.TableName === p.tables.hours && cmd.input.Key?.hour === '2026-11-02T10' && String(cmd.input.UpdateExpression).includes('runStartedAt')) {
            failClaim = false;
            // Not one that passes (src/aws/transient.ts): those are retried within the run.
            return Promise.reject(Object.assign(new Error('User is not authorized to perform: dynamodb:UpdateItem'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
          }
          return c.ddb.send(cmd as never);
        },
      } as never,
    });

    const failed = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T09', '2026-11-02T10']);
    expect(failed.status).toBe('FAILED');
    const next = await p.runHourly('2026-11-02T12:15:00Z');

    expect(next.status).toBe('SUCCEEDED');
    expect(next.output).toMatchObject({ hours: expect.arrayContaining([expect.objectContaining({ hour: '2026-11-02T09', status: 'DONE', events: 12, findings: 1, published: 1 })]) });
  });

  it('given an execution that claimed an hour and then died (timed out, aborted), when a run fires after the claim went stale, then the hour is processed', async () => {
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e));
    await p.drain();
    // What a dead execution leaves behind: its Plan step claimed hour 09, nothing else happened.
    expect(await p.invoke('plan', { tenantId: 'testco', scheduledTime: '2026-11-02T10:15:00Z', hours: [] })).toMatchObject({ hours: ['2026-11-02T09'] });
    const ddb = createDynamo(p.endpoint);
    await ddb.send(new UpdateCommand({ TableName: p.tables.hours, Key: { tenant: 'testco', hour: '2026-11-02T09' }, UpdateExpression: 'SET runStartedAt = :t', ExpressionAttributeValues: { ':t': new Date(Date.now() - 2 * 3_600_000).toISOString() } }));

    const run = await p.runHourly('2026-11-02T11:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 12, findings: 1, published: 1 }, { hour: '2026-11-02T10', status: 'DONE' }] });
    const hour = await ddb.send(new GetCommand({ TableName: p.tables.hours, Key: { tenant: 'testco', hour: '2026-11-02T09' } }));
    expect(hour.Item).toMatchObject({ status: 'DONE' });
  });

  it('given an hour that already holds a finding the hourly pass does not make, when the findings index lags behind Detect, then Notify still waits for the new finding and notifies it', async () => {
    // Pushes delivered out of order: the 09:58 one arrives last, so near-time fires on it (a finding in
    // hour 09), while the hourly pass, in event-time order, fires at 10:02 (hour 10).
    const [p0958, p1001, p1002] = [...rejectedPushes('2026-11-02T09:58:00Z', 1), ...rejectedPushes('2026-11-02T10:01:00Z', 2)];
    for (const e of [p1001, p1002, p0958]) await p.put(wrap(e));
    await p.drain();
    expect(p.published.map((m) => m.body.findings.map((f) => f.detectionId))).toEqual([['okta-mfa-push-fatigue']]);
    for (const e of failedSignIns('2026-11-02T09:05:00Z', 12)) await p.put(wrap(e)); // a brute force, for the hourly pass
    const c = clients();
    let lagging = 3; // the index does not show the brute force the first few times it is read
    setClients({
      ...c,
      ddb: {
        send: async (cmd: unknown) => {
          const res = await c.ddb.send(cmd as never);
          if (cmd instanceof QueryCommand && cmd.input.IndexName === 'byHour' && lagging-- > 0) {
            return { ...res, Items: (res as { Items?: Array<{ detectionId: string }> }).Items?.filter((i) => i.detectionId !== 'okta-brute-force-user') };
          }
          return res;
        },
      } as never,
    });

    const run = await p.runHourly('2026-11-02T10:15:00Z');

    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', findings: 1, published: 1 }] });
    expect(p.published.map((m) => [m.body.kind, m.body.findings[0].detectionId])).toEqual([
      ['near-time', 'okta-mfa-push-fatigue'],
      ['finding', 'okta-brute-force-user'],
    ]);
  });
});

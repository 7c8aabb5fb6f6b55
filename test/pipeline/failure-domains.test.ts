/**
 * Failure domains on the local runtime (the deployed state machine, the handlers as they are, dynalite,
 * s3rver; SNS is the one recorder): a detection that throws on one event costs that (detection, event)
 * pair, not the hour.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { LocalPipeline } from '../../local/runtime';
import { catalog } from '../../src/detections/catalog';
import { hoursNeedingAttention } from '../../src/store/hours';
import { Logger } from '@aws-lambda-powertools/logger';
import { LOG_METRICS } from '../../src/pipeline/log-metrics';
import { bystander, failedSignIns, normalSignIns, rejectedPushes, testTenant, victim, wrap } from './helpers';

describe('a detection that throws on one event', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await p.close();
  });

  const hourItem = async (hour: string) => (await p.ddb.send(new GetCommand({ TableName: p.tables.hours, Key: { tenant: 'testco', hour } }))).Item;

  it('given a detection with a bug on one event, when the hour runs, then the other detections store and notify, the failure is recorded, and the pair is tried again until it passes', async () => {
    const normal = normalSignIns('2026-11-02T09:00:00Z', 5);
    const poisoned = normal[2].uuid!;
    for (const e of [...failedSignIns('2026-11-02T09:05:00Z', 12), ...normal]) await p.put(wrap(e));
    const travel = catalog.find((d) => d.id === 'okta-impossible-travel')!;
    const step = travel.step.bind(travel);
    const broken = jest.spyOn(travel, 'step').mockImplementation((state, event, params) => {
      if (event.uuid === poisoned) throw new TypeError("Cannot read properties of undefined (reading 'lat')");
      return step(state, event, params);
    });

    const first = await p.runHourly('2026-11-02T10:15:00Z');

    expect(first.status).toBe('SUCCEEDED');
    expect(first.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'INCOMPLETE', findings: 1, published: 1, detectionFailures: 1 }] });
    expect(p.published.map((m) => m.input.MessageAttributes?.detection.StringValue)).toEqual(['okta-brute-force-user']);
    expect(await hourItem('2026-11-02T09')).toMatchObject({
      status: 'REPROCESS',
      detectionFailureCount: 1,
      detectionFailures: [{ detectionId: 'okta-impossible-travel', eventUuid: poisoned, message: "Cannot read properties of undefined (reading 'lat')" }],
    });

    const stillBroken = await p.runHourly('2026-11-02T11:15:00Z');
    broken.mockRestore(); // the detection is fixed and deployed
    const fixed = await p.runHourly('2026-11-02T12:15:00Z');

    expect(stillBroken.output).toMatchObject({ hours: expect.arrayContaining([{ hour: '2026-11-02T09', status: 'INCOMPLETE', events: 17, findings: 1, published: 0, detectionFailures: 1 }]) });
    expect(fixed.output).toMatchObject({ hours: expect.arrayContaining([{ hour: '2026-11-02T09', status: 'DONE', events: 17, findings: 1, published: 0, detectionFailures: 0 }]) });
    const after = await hourItem('2026-11-02T09');
    expect(after).toMatchObject({ status: 'DONE' });
    expect(after).not.toHaveProperty('detectionFailures');
    expect(p.published).toHaveLength(1);
  });
});

describe('a near-time detection that throws on one event', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant());
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await p.close();
  });

  it('given push fatigue with a bug on one user’s event, when ingest evaluates the object, then the other user is notified at once, the object is not retried, and the failure is logged and counted', async () => {
    const theirs = rejectedPushes('2026-11-02T09:00:00Z', 3, bystander);
    const fatigue = catalog.find((d) => d.id === 'okta-mfa-push-fatigue')!;
    const step = fatigue.step.bind(fatigue);
    jest.spyOn(fatigue, 'step').mockImplementation((state, event, params) => {
      if (event.uuid === theirs[1].uuid) throw new TypeError('boom');
      return step(state, event, params);
    });
    const info = jest.spyOn(Logger.prototype, 'info');
    const error = jest.spyOn(Logger.prototype, 'error');
    for (const e of [...rejectedPushes('2026-11-02T09:00:00Z', 3), ...theirs]) await p.put(wrap(e));

    const drained = await p.drain();

    expect(drained.failures).toBe(0);
    expect(p.published.filter((m) => m.body.kind === 'near-time').map((m) => m.input.Subject)).toEqual([expect.stringContaining(victim.login)]);
    expect(error).toHaveBeenCalledWith('detection failed', expect.objectContaining({ detectionId: 'okta-mfa-push-fatigue', eventUuid: theirs[1].uuid, message: 'boom' }));
    expect(info).toHaveBeenCalledWith('near-time', expect.objectContaining({ [LOG_METRICS.detectionFailures.field]: 1 }));
  });
});

describe('hours beyond the automatic lookback', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ retentionDays: 30, detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }));
  });
  afterEach(() => p.close());

  it('given an attack whose events arrive 8 days late for an hour already processed, when the next run fires, then the hour is processed and the finding sent', async () => {
    await p.put(wrap(failedSignIns('2026-11-02T09:05:00Z', 1)[0]));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', findings: 0 }] });
    for (const e of failedSignIns('2026-11-02T09:10:00Z', 12)) await p.put(wrap(e)); // 8 days late

    const run = await p.runHourly('2026-11-10T10:15:00Z');

    expect(run.output).toMatchObject({ hours: expect.arrayContaining([expect.objectContaining({ hour: '2026-11-02T09', status: 'DONE', events: 13, findings: 1, published: 1 })]) });
    expect(p.published.map((m) => m.input.MessageAttributes?.detection.StringValue)).toEqual(['okta-brute-force-user']);
  });

  it('given an hour still pending when its events pass the retention, when the next run fires, then it is marked EXPIRED, counted, and listed as needing attention, once', async () => {
    await p.ddb.send(new PutCommand({ TableName: p.tables.hours, Item: { tenant: 'testco', hour: '2026-10-01T09', status: 'REPROCESS', events: 3 } }));

    const run = await p.runHourly('2026-11-02T10:15:00Z');
    const again = await p.runHourly('2026-11-02T11:15:00Z');

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ expired: ['2026-10-01T09'] });
    expect(again.output).toMatchObject({ expired: [] });
    expect(await hoursNeedingAttention(p.ddb, p.tables.hours, 'testco')).toEqual([{ hour: '2026-10-01T09', status: 'EXPIRED' }]);
  });
});

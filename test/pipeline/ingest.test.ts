import { BatchWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clients, setClients } from '../../src/aws/clients';
import { LocalPipeline } from '../../local/runtime';
import { chunkObjectKey, listChunks, readObject } from '../../src/store/events';
import { failedSignIns, testTenant, wrap } from './helpers';

describe('ingest function (the indexer)', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant());
  });
  afterEach(() => p.close());

  /** The handlers' DynamoDB client, failing the commands `fails` picks (until it returns false). */
  function failing(fails: (command: unknown) => boolean): void {
    const c = clients();
    const flaky = {
      send: (command: unknown) => (fails(command) ? Promise.reject(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' })) : c.ddb.send(command as never)),
    } as unknown as DynamoDBDocumentClient;
    setClients({ ...c, ddb: flaky });
  }

  /** Whether a command writes a reference under an hour (pk prefix). */
  const refersTo = (command: unknown, pk: string) =>
    command instanceof BatchWriteCommand && Object.values(command.input.RequestItems ?? {}).some((requests) => requests.some((r) => String(r.PutRequest?.Item?.pk).startsWith(pk)));

  it("given a reference write that fails once, when the object's notification is processed, then the references are written one by one and every event lands", async () => {
    let failNext = true;
    failing((command) => {
      if (failNext && refersTo(command, 'H#2026-11-02T10')) return !(failNext = false);
      return false;
    });
    for (const e of [...failedSignIns('2026-11-02T09:10:00Z', 3), ...failedSignIns('2026-11-02T10:10:00Z', 2)]) await p.put(wrap(e));

    const drained = await p.drain();

    expect(drained.failures).toBe(0); // the batch failed; each reference alone was written
    const run = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T09', '2026-11-02T10']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 3 }, { hour: '2026-11-02T10', events: 2 }] });
  });

  it('given events from several hours in one object, when indexed, then the object is referenced under each event-time hour and each hour reads only its own', async () => {
    for (const e of [...failedSignIns('2026-11-02T07:59:00Z', 2), ...failedSignIns('2026-11-02T06:30:00Z', 1)]) await p.put(wrap(e));
    const run = await p.runHourly('2026-11-02T09:15:00Z', ['2026-11-02T06', '2026-11-02T07', '2026-11-02T08']);
    expect(p.delivery.objects).toBe(1);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T06', events: 1 }, { hour: '2026-11-02T07', events: 1 }, { hour: '2026-11-02T08', events: 1 }] });
  });

  it('given an object of one hour holding two late events of an earlier hour, when indexed, then the late ones are written apart and their hour references only them', async () => {
    for (const e of [...failedSignIns('2026-11-02T10:10:00Z', 12), ...failedSignIns('2026-11-02T08:30:00Z', 2)]) await p.put(wrap(e));

    await p.drain();

    expect(p.delivery.objects).toBe(1);
    const [late] = await listChunks(p.ddb, p.tables.events, '2026-11-02T08');
    const [own] = await listChunks(p.ddb, p.tables.events, '2026-11-02T10');
    expect(chunkObjectKey(own)).toMatch(/^events\/stream\//);
    expect(chunkObjectKey(late)).toMatch(/^events\/direct\/2026-11-02T08\//);
    expect((await readObject(p.s3, p.bucket, chunkObjectKey(late))).map((r) => (r.value as { published: string }).published)).toEqual(['2026-11-02T08:30:00.000Z', '2026-11-02T08:31:00.000Z']);
    const run = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T08', '2026-11-02T10']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T08', events: 2 }, { hour: '2026-11-02T10', events: 12 }] });
  });

  it('given late events whose reference was written but the hours table throttles, when SQS redelivers the notification, then they still re-open their hour and are processed', async () => {
    const events = failedSignIns('2026-11-02T09:05:00Z', 24); // brute force: 20 within the hour (the default)
    for (const e of events.slice(0, 16)) await p.put(wrap(e));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 16, findings: 0 }] });
    let throttle = true;
    failing((cmd) => throttle && cmd instanceof UpdateCommand && cmd.input.TableName === p.tables.hours && !(throttle = false));
    for (const e of events.slice(16)) await p.put(wrap(e)); // late: hour 09 is done

    expect((await p.drain()).failures).toBe(1); // the notification fails, then comes again
    const next = await p.runHourly('2026-11-02T11:15:00Z');

    expect(next.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 24, findings: 1 }, { hour: '2026-11-02T10' }] });
  });

  it("given an object one of whose hours can never be referenced, when its notification keeps failing, then SQS moves it to the dead-letter queue after maxReceiveCount receives and the object's other hours flow", async () => {
    failing((cmd) => refersTo(cmd, 'H#2026-11-02T10'));
    for (const e of [...failedSignIns('2026-11-02T09:10:00Z', 3), ...failedSignIns('2026-11-02T10:10:00Z', 1)]) await p.put(wrap(e));

    const out = await p.drain();

    expect(out.failures).toBe(5);
    expect(p.deadLetters).toHaveLength(1);
    const run = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T09']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 3 }] });
  });

  it('given unusable records among good ones in one object (a 3,000-character uuid, nesting 200 deep, 300,000 multibyte characters of garbage), when indexed, then nothing is dead-lettered, the good events land and the garbage is quarantined', async () => {
    const good = failedSignIns('2026-11-02T09:10:00Z', 3);
    let nested: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 200; i++) nested = { n: nested };
    for (const e of good) await p.put(wrap(e));
    await p.put(wrap({ ...good[0], uuid: 'u'.repeat(3000) }));
    await p.put(wrap({ ...good[1], uuid: 'nested-1', debugContext: { debugData: nested } } as never));
    await p.putRaw('é'.repeat(300_000));

    const drained = await p.drain();

    expect(drained.failures).toBe(0);
    expect(p.deadLetters).toEqual([]);
    const run = await p.runHourly('2026-11-02T10:15:00Z', ['2026-11-02T09']);
    expect((run.output as { hours: Array<{ events: number }> }).hours[0].events).toBeGreaterThanOrEqual(3);
  });
});

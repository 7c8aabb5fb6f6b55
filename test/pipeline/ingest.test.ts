import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clients, createDynamo, setClients } from '../../src/aws/clients';
import { LocalPipeline } from '../../local/runtime';
import { failedSignIns, testTenant, wrap } from './helpers';

describe('ingest function', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant());
  });
  afterEach(() => p.close());

  it('given a chunk write that fails, when the batch is processed, then exactly that chunk\'s records are reported as batch item failures and retried later', async () => {
    const real = createDynamo(p.endpoint);
    let failNext = true;
    const flaky = {
      send: (command: unknown) => {
        if (failNext && command instanceof PutCommand && String(command.input.Item?.pk).startsWith('H#2026-11-02T10')) {
          failNext = false;
          return Promise.reject(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }));
        }
        return real.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    setClients({ ddb: flaky, s3: p.s3, sns: { publish: async () => ({}) } });
    const nine = failedSignIns('2026-11-02T09:10:00Z', 3);
    const ten = failedSignIns('2026-11-02T10:10:00Z', 2);
    for (const e of [...nine, ...ten]) await p.put(wrap(e));

    const first = await p.drain();

    expect(first.failures).toBe(2);
    // SQS redelivers the failed records; this time the write goes through.
    for (const e of ten) await p.put(wrap(e));
    expect((await p.drain()).failures).toBe(0);
    const run = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T09', '2026-11-02T10']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 3 }, { hour: '2026-11-02T10', events: 2 }] });
  });

  it('given events from several hours in one batch, when ingested, then each lands in its event-time hour', async () => {
    for (const e of [...failedSignIns('2026-11-02T07:59:00Z', 2), ...failedSignIns('2026-11-02T06:30:00Z', 1)]) await p.put(wrap(e));
    const run = await p.runHourly('2026-11-02T09:15:00Z', ['2026-11-02T06', '2026-11-02T07', '2026-11-02T08']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T06', events: 1 }, { hour: '2026-11-02T07', events: 1 }, { hour: '2026-11-02T08', events: 1 }] });
  });

  it('given late events whose chunk was written but the hours table throttles, when SQS redelivers them, then they still re-open their hour and are processed', async () => {
    const events = failedSignIns('2026-11-02T09:05:00Z', 24); // brute force: 20 within the hour (the default)
    for (const e of events.slice(0, 16)) await p.put(wrap(e));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 16, findings: 0 }] });
    const c = clients();
    let throttle = true;
    setClients({
      ...c,
      ddb: {
        send: (cmd: unknown) => {
          if (throttle && cmd instanceof UpdateCommand && cmd.input.TableName === p.tables.hours) {
            throttle = false;
            return Promise.reject(Object.assign(new Error('Throughput exceeds the current capacity of your table'), { name: 'ThrottlingException' }));
          }
          return c.ddb.send(cmd as never);
        },
      } as never,
    });
    for (const e of events.slice(16)) await p.put(wrap(e)); // late: hour 09 is done

    await p.drain(); // the records fail and go back to the queue, then come again
    const next = await p.runHourly('2026-11-02T11:15:00Z');

    expect(next.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 24, findings: 1 }, { hour: '2026-11-02T10' }] });
  });

  it('given a record that can never be ingested, when the batch keeps failing, then SQS moves it to the dead-letter queue after maxReceiveCount receives and the rest flows', async () => {
    const c = clients();
    setClients({
      ...c,
      ddb: {
        send: (cmd: unknown) =>
          cmd instanceof PutCommand && String(cmd.input.Item?.pk).startsWith('H#2026-11-02T10') ? Promise.reject(Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' })) : c.ddb.send(cmd as never),
      } as never,
    });
    for (const e of [...failedSignIns('2026-11-02T09:10:00Z', 3), ...failedSignIns('2026-11-02T10:10:00Z', 1)]) await p.put(wrap(e));

    const out = await p.drain();

    expect(out.failures).toBe(5);
    expect(p.deadLetters).toHaveLength(1);
    const run = await p.runHourly('2026-11-02T11:15:00Z', ['2026-11-02T09']);
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 3 }] });
  });
});

import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamo, createDynamoClient, setClients } from '../../src/aws/clients';
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
    setClients({ ddb: flaky, dynamo: createDynamoClient(p.endpoint), sns: { publish: async () => ({}) } });
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
});

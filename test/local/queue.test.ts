import type { SQSEvent } from 'aws-lambda';
import { LocalQueue } from '../../local/queue';
import { RequestMeter } from '../../src/aws/request-meter';

const queue = (maxReceiveCount = 3, batchSize = 2) => new LocalQueue({ arn: 'arn:aws:sqs:us-east-1:000000000000:vigil-t-ingest-buffer', region: 'us-east-1', batchSize, maxReceiveCount });

describe('local SQS queue', () => {
  it('given more messages than a batch holds, when drained, then the consumer receives them in order in batches of at most batchSize', async () => {
    const q = queue(3, 2);
    for (const body of ['a', 'b', 'c', 'd', 'e']) q.send(body);
    const batches: string[][] = [];

    const out = await q.drain(async (event) => {
      batches.push(event.Records.map((r) => r.body));
      return { batchItemFailures: [] };
    });

    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(out).toEqual({ batches: 3, failures: 0 });
    expect(q.deadLetters).toEqual([]);
  });

  it('given a record the consumer always reports as failed, when drained, then it is received maxReceiveCount times and then moved to the dead-letter queue', async () => {
    const q = queue(3, 10);
    q.send('poison');
    q.send('fine');
    const receives: Array<[string, string]> = [];

    const out = await q.drain(async (event) => {
      for (const r of event.Records) receives.push([r.body, r.attributes.ApproximateReceiveCount]);
      return { batchItemFailures: event.Records.filter((r) => r.body === 'poison').map((r) => ({ itemIdentifier: r.messageId })) };
    });

    expect(receives).toEqual([['poison', '1'], ['fine', '1'], ['poison', '2'], ['poison', '3']]);
    expect(out).toEqual({ batches: 3, failures: 3 });
    expect(q.deadLetters).toEqual([{ messageId: 'msg-1', body: 'poison' }]);
  });

  it('given an invocation that throws, when drained, then every record of its batch comes back and is delivered again', async () => {
    const q = queue(3, 10);
    q.send('a');
    q.send('b');
    const seen: SQSEvent[] = [];

    const out = await q.drain(async (event) => {
      seen.push(event);
      if (seen.length === 1) throw new Error('function crashed');
      return { batchItemFailures: [] };
    });

    expect(seen.map((e) => e.Records.map((r) => r.body))).toEqual([['a', 'b'], ['a', 'b']]);
    expect(out).toEqual({ batches: 2, failures: 2 });
    expect(q.deadLetters).toEqual([]);
  });

  it('given a batch, then each record says it came from the queue, as the event source mapping delivers it', async () => {
    const q = queue();
    q.send('{}');
    let event: SQSEvent | undefined;

    await q.drain(async (e) => {
      event = e;
      return { batchItemFailures: [] };
    });

    expect(event!.Records[0]).toMatchObject({ messageId: 'msg-1', body: '{}', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:vigil-t-ingest-buffer', awsRegion: 'us-east-1' });
  });

  it('given a meter, when 25 messages are sent and drained in batches of 100 with one failing once, then SQS requests are counted as AWS bills them: a send each, receives and deletes of up to 10', async () => {
    const meter = new RequestMeter();
    const q = new LocalQueue({ arn: 'arn:aws:sqs:us-east-1:000000000000:q', region: 'us-east-1', batchSize: 100, maxReceiveCount: 3, meter });
    for (let i = 0; i < 25; i++) q.send(i === 0 ? 'x'.repeat(70 * 1024) : `m${i}`);
    let first = true;

    await q.drain(async (event) => {
      const failed = first ? [{ itemIdentifier: event.Records[24].messageId }] : [];
      first = false;
      return { batchItemFailures: failed };
    });

    const calls = Object.fromEntries(meter.usage().map((u) => [u.operation, { requests: u.requests, chunks: u.chunks }]));
    expect(calls).toEqual({
      SendMessage: { requests: 25, chunks: 26 },
      ReceiveMessage: { requests: 3 + 1, chunks: 4 + 1 },
      DeleteMessageBatch: { requests: 3 + 1, chunks: 4 },
    });
  });
});

import { gunzipSync } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/aws/clients';
import { RequestMeter } from '../../src/aws/request-meter';
import { DELIVERY_STREAM, deliveryPrefixAt } from '../../src/pipeline/delivery';
import { bucketDestination, LocalDeliveryStream } from '../../local/delivery-stream';
import { createBucket, startS3, type LocalS3 } from '../../local/s3';

const T0 = Date.parse('2026-11-02T09:59:30Z');
const INTERVAL = DELIVERY_STREAM.bufferingIntervalSeconds * 1000;

describe('local delivery stream', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startS3();
    await createBucket(s3.endpoint, 'bucket');
  });
  afterAll(() => s3.close());

  function stream(spec = DELIVERY_STREAM) {
    const objects: Array<{ key: string; size: number; time: number }> = [];
    const meter = new RequestMeter();
    const client = createS3Client(s3.endpoint);
    const st = new LocalDeliveryStream({ name: 'vigil-t-events', spec, meter, write: bucketDestination({ bucket: 'bucket', s3: client, meter, onObject: (key, size, time) => objects.push({ key, size, time }) }) });
    const read = async (key: string) => gunzipSync(await (await client.send(new GetObjectCommand({ Bucket: 'bucket', Key: key }))).Body!.transformToByteArray()).toString();
    return { st, objects, meter, read };
  }

  it('given records within the buffering interval, when a record comes after it, then the buffer is written as one NDJSON gzip object under the arrival hour of its first record', async () => {
    const { st, objects, read } = stream();
    await st.put('{"a":1}', T0);
    await st.put('{"a":2}', T0 + INTERVAL - 1);
    expect(objects).toEqual([]);

    expect(await st.put('{"a":3}', T0 + INTERVAL)).toBe(true);

    expect(objects).toHaveLength(1);
    expect(objects[0].key.startsWith(deliveryPrefixAt(T0))).toBe(true);
    expect(objects[0].key).toMatch(/^events\/stream\/2026\/11\/02\/09\/vigil-t-events-1-2026-11-02-09-59-30-.+\.gz$/);
    expect(objects[0].time).toBe(T0 + INTERVAL);
    expect(await read(objects[0].key)).toBe('{"a":1}\n{"a":2}\n');
  });

  it('given a buffer reaching its size, when the record that fills it comes, then it is written at once', async () => {
    const { st, objects } = stream({ ...DELIVERY_STREAM, bufferingSizeMb: 1 });
    const big = JSON.stringify({ pad: 'x'.repeat(600 * 1024) });
    await st.put(big, T0);
    expect(objects).toHaveLength(0);
    await st.put(big, T0 + 1);
    expect(objects).toHaveLength(1);
  });

  it('given records of a few hundred bytes, when put, then Firehose ingestion is counted in 5 KB steps per record', async () => {
    const { st, meter } = stream();
    await st.put('{"a":1}', T0);
    await st.put(JSON.stringify({ pad: 'x'.repeat(6 * 1024) }), T0);
    const [usage] = meter.usage().filter((u) => u.service === 'Firehose');
    expect(usage.requests).toBe(2);
    expect(usage.firehoseBytes).toBe(5 * 1024 + 10 * 1024);
  });

  it('given nothing buffered, when flushed or time passes, then no object is written', async () => {
    const { st, objects } = stream();
    await st.flush();
    expect(await st.flushDue(T0 + 10 * INTERVAL)).toBe(false);
    expect(objects).toEqual([]);
  });
});

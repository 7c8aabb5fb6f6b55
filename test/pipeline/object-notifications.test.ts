import { objectCreatedMessage, objectKeysOf } from '../../src/pipeline/object-notifications';

describe('S3 object notifications', () => {
  it('given a key with spaces and special characters, when S3 notifies of it, then the consumer reads the same key back', () => {
    const key = 'events/stream/2026/11/02/09/a b+c%d=é.gz';
    expect(objectKeysOf(objectCreatedMessage('bucket', key, 10, 0, 'us-east-1'))).toEqual([key]);
  });

  it("given S3's test event, when read, then it names no object", () => {
    expect(objectKeysOf(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'bucket' }))).toEqual([]);
  });

  it('given a removal among the records, when read, then only created objects are named', () => {
    const body = JSON.stringify({ Records: [{ eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'x' } } }, { eventName: 'ObjectCreated:Put', s3: { object: { key: 'y' } } }] });
    expect(objectKeysOf(body)).toEqual(['y']);
  });

  it('given a message that is not an S3 notification, when read, then it fails (the message is retried, then dead-lettered)', () => {
    expect(() => objectKeysOf('{"hello":1}')).toThrow(/not an S3 event notification/);
  });
});

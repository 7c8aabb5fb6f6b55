import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/aws/clients';
import { createBucket, startS3, type LocalS3 } from '../../local/s3';

describe('the local S3 server', () => {
  let server: LocalS3;
  let s3: S3Client;
  beforeAll(async () => {
    server = await startS3();
    await createBucket(server.endpoint, 'bucket');
    s3 = createS3Client(server.endpoint);
  });
  afterAll(async () => {
    s3.destroy();
    await server.close();
  });
  const body = Buffer.from('0123456789'.repeat(1_000));

  it('given an object put, when it is read at once, then it comes back whole, with its MD5 as ETag, its type and its metadata', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'a/b/c.gz', Body: body, ContentType: 'application/gzip', Metadata: { sha256: 'abc' } }));

    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'a/b/c.gz' }));

    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    expect(got.ContentType).toBe('application/gzip');
    expect(got.ContentLength).toBe(body.length);
    expect(got.Metadata).toEqual({ sha256: 'abc' });
  });

  it('given an object, when asked for its head or a range, then the head has its size and metadata and the range its bytes', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'ranged', Body: body, Metadata: { m: '1' } }));

    const head = await s3.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'ranged' }));
    const range = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'ranged', Range: 'bytes=5-14' }));
    const first = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'ranged', Range: 'bytes=0-0' }));

    expect([head.ContentLength, head.Metadata]).toEqual([body.length, { m: '1' }]);
    expect(await range.Body!.transformToString()).toBe('5678901234');
    expect(range.ContentRange).toBe(`bytes 5-14/${body.length}`);
    expect(await first.Body!.transformToString()).toBe('0');
  });

  it('given no such object, when it is read or asked for, then S3 says NoSuchKey and NotFound', async () => {
    await expect(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'missing' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'missing' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('given objects under a prefix, when listed and one deleted, then the listing follows', async () => {
    for (const k of ['list/1', 'list/2', 'list/3']) await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: k, Body: k }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'list/2' }));

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'bucket', Prefix: 'list/' }));

    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      ['list/1', 6],
      ['list/3', 6],
    ]);
  });

  it('given an empty object, when read, then it is empty', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'empty', Body: new Uint8Array(0) }));

    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'empty' }));

    expect((await got.Body!.transformToByteArray()).length).toBe(0);
  });
});

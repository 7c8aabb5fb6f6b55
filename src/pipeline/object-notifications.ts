/**
 * S3's "object created" notifications, as the indexer's queue receives them (one message per object the
 * delivery stream writes). The local runtime builds them with objectCreatedMessage(), the way S3 does.
 */

interface S3NotificationRecord {
  readonly eventName?: string;
  readonly s3?: { readonly bucket?: { readonly name?: string }; readonly object?: { readonly key?: string; readonly size?: number } };
}

/** The keys of the objects a notification message names (S3 URL-encodes them, spaces as `+`). A test event names none. */
export function objectKeysOf(body: string): string[] {
  const message = JSON.parse(body) as { Records?: S3NotificationRecord[]; Event?: string };
  if (!Array.isArray(message.Records)) {
    if (message.Event === 's3:TestEvent') return [];
    throw new Error('not an S3 event notification');
  }
  return message.Records.filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => decodeURIComponent(String(r.s3?.object?.key).replace(/\+/g, ' ')));
}

/** The message S3 sends when an object is created (the fields the pipeline reads, and their neighbours). */
export function objectCreatedMessage(bucket: string, key: string, size: number, time: number, region: string): string {
  const encoded = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: new Date(time).toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: { s3SchemaVersion: '1.0', bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encoded, size } },
      },
    ],
  });
}

/**
 * The delivery stream, locally: records are buffered and written as one gzip object per buffer to the
 * tenant's bucket on the local S3 server (or handed to the thread that writes it there: ../cli/delivery-thread.ts), with Firehose's buffering (interval or size, whichever comes
 * first), record delimiter and object naming from the one spec the stack deploys (src/pipeline/delivery.ts).
 * Time is the caller's (the simulated clock): a buffer is written once its interval has passed by the
 * time of the next record, or when the caller says time has moved on (`flushDue`), or on `flush`.
 */
import { constants, gzipSync } from 'node:zlib';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { FIREHOSE_RECORD_STEP, type RequestMeter } from '../src/aws/request-meter';
import { DELIVERY_STREAM, deliveryObjectKey, type DeliveryStreamSpec } from '../src/pipeline/delivery';

/** An object the stream writes: its key, its gzip body, and when it is written (the time S3 notifies it). */
export interface StreamObject {
  readonly key: string;
  readonly body: Uint8Array;
  readonly time: number;
}

/** Where the stream's objects go: the bucket (see bucketDestination), or another thread that writes them there. */
export type StreamDestination = (object: StreamObject) => Promise<void>;

export interface LocalDeliveryStreamOptions {
  /** The stream's name, in its objects' keys. */
  readonly name: string;
  readonly write: StreamDestination;
  /** @default DELIVERY_STREAM */
  readonly spec?: DeliveryStreamSpec;
  /** Counts Firehose's ingestion (each record rounded up to 5 KB). @default - not counted */
  readonly meter?: RequestMeter;
}

const COMPONENT = 'delivery-stream';

export interface BucketDestinationOptions {
  readonly bucket: string;
  readonly s3: S3Client;
  /** Counts the stream's S3 writes. @default - not counted */
  readonly meter?: RequestMeter;
  /** Called for each object written, as S3 notifies. */
  readonly onObject: (key: string, size: number, time: number) => void;
}

/** The stream's objects written to the bucket, each notified once written. */
export function bucketDestination(options: BucketDestinationOptions): StreamDestination {
  return async ({ key, body, time }) => {
    const put = () => options.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body, ContentType: 'application/gzip' }));
    await (options.meter ? options.meter.within(COMPONENT, put) : put());
    options.onObject(key, body.length, time);
  };
}

export class LocalDeliveryStream {
  readonly stats = { records: 0, objects: 0 };
  private buffer: string[] = [];
  private bufferedBytes = 0;
  /** Arrival of the buffer's first record. */
  private openedAt?: number;
  private objectSeq = 0;
  private readonly spec: DeliveryStreamSpec;

  constructor(private readonly options: LocalDeliveryStreamOptions) {
    this.spec = options.spec ?? DELIVERY_STREAM;
  }

  /** PutRecord: one record (as EventBridge delivers it) at a time. Returns whether an object was written. */
  async put(record: string, at: number): Promise<boolean> {
    const flushed = await this.flushDue(at);
    const bytes = Buffer.byteLength(record);
    this.options.meter?.record({ service: 'Firehose', operation: 'PutRecord', component: COMPONENT }, { requests: 1, bytes, firehoseBytes: Math.max(1, Math.ceil(bytes / FIREHOSE_RECORD_STEP)) * FIREHOSE_RECORD_STEP });
    this.stats.records++;
    this.buffer.push(record + this.spec.recordDelimiter);
    this.bufferedBytes += bytes + 1;
    this.openedAt ??= at;
    if (this.bufferedBytes >= this.spec.bufferingSizeMb * 1024 * 1024) {
      await this.flush(at);
      return true;
    }
    return flushed;
  }

  /** Write the buffer if its interval has passed by `now`. Returns whether an object was written. */
  async flushDue(now: number): Promise<boolean> {
    if (this.openedAt === undefined || now - this.openedAt < this.spec.bufferingIntervalSeconds * 1000) return false;
    await this.flush(this.openedAt + this.spec.bufferingIntervalSeconds * 1000);
    return true;
  }

  /** Write whatever is buffered now (as the interval would, later). */
  async flush(at = this.openedAt): Promise<void> {
    if (this.openedAt === undefined || at === undefined) return;
    // Firehose does not say at which level it compresses; the fastest is used here (objects a third larger than at the default level: S3 storage is a small part of the bill).
    const body = gzipSync(this.buffer.join(''), { level: constants.Z_BEST_SPEED });
    const key = deliveryObjectKey(this.options.name, this.openedAt, `local-${String(++this.objectSeq).padStart(8, '0')}`, this.spec);
    this.buffer = [];
    this.bufferedBytes = 0;
    this.openedAt = undefined;
    this.stats.objects++;
    await this.options.write({ key, body, time: at });
  }
}

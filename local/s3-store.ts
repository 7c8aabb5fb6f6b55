/**
 * The local S3 server's store (s3rver 3.7.1's filesystem store, files laid out the same), reading and writing each file
 * whole with synchronous calls. The objects live in memory-backed storage (./s3.ts), where such a call is a copy: s3rver's
 * own store makes every request wait on the thread pool several times (the bucket, its website and CORS settings, the
 * object's metadata and checksum files, the object), which on a busy two-core machine left the pipeline's thread idle
 * for about a second and a half of a 100,000-event day. And an object is whole in its file before its PUT is answered
 * (s3rver's store answers once the body is read, which may be before its file is written).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

/* eslint-disable @typescript-eslint/no-require-imports -- s3rver ships no types; its store, models and config models are CommonJS. */
interface S3rverObject {
  readonly bucket: string;
  readonly key: string;
  readonly content: Buffer | NodeJS.ReadableStream;
  readonly metadata: Record<string, string>;
}
interface FilesystemStoreClass {
  new (rootDirectory: string): {
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  };
}
const FilesystemStore = require('s3rver/lib/stores/filesystem') as FilesystemStoreClass;
const S3Object = require('s3rver/lib/models/object') as { new (bucket: string, key: string, content: unknown, metadata: Record<string, unknown>): { range?: unknown }; ALLOWED_METADATA: string[] };
const S3Bucket = require('s3rver/lib/models/bucket') as new (name: string, creationDate: Date) => unknown;
const { getConfigModel } = require('s3rver/lib/models/config') as { getConfigModel(type: string): new (xml: string) => unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** A file's bytes; undefined when there is no such file. */
function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

export class WholeFileStore extends FilesystemStore {
  async getBucket(bucket: string): Promise<unknown> {
    try {
      const stat = statSync(this.getBucketPath(bucket));
      return stat.isDirectory() ? new S3Bucket(bucket, stat.birthtime) : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async getSubresource(bucket: string, key: string | undefined, resourceType: string): Promise<unknown> {
    const data = readIfThere(this.getResourcePath(bucket, key, `${resourceType}.xml`));
    return data === undefined ? null : new (getConfigModel(resourceType))(data.toString());
  }

  async existsObject(bucket: string, key: string): Promise<boolean> {
    return existsSync(this.getResourcePath(bucket, key, 'object'));
  }

  /** As s3rver's: throws ENOENT when there is no such object. */
  async getMetadata(bucket: string, key: string): Promise<Record<string, unknown>> {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    const stat = statSync(objectPath);
    const stored = readIfThere(this.getResourcePath(bucket, key, 'metadata.json'));
    let md5 = readIfThere(`${objectPath}.md5`)?.toString();
    if (md5 === undefined) {
      md5 = createHash('md5').update(readFileSync(objectPath)).digest('hex');
      writeFileSync(`${objectPath}.md5`, md5);
    }
    return { ...(stored && JSON.parse(stored.toString())), etag: JSON.stringify(md5), 'last-modified': stat.mtime.toUTCString(), 'content-length': stat.size };
  }

  async putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void> {
    const kept = Object.fromEntries(Object.entries(metadata).filter(([k]) => S3Object.ALLOWED_METADATA.includes(k) || k.startsWith('x-amz-meta-')));
    if (md5) writeFileSync(this.getResourcePath(bucket, key, 'object.md5'), md5);
    writeFileSync(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(kept, null, 2));
  }

  async getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<unknown> {
    let metadata: Record<string, unknown>;
    let bytes: Buffer;
    try {
      metadata = await this.getMetadata(bucket, key);
      bytes = readFileSync(this.getResourcePath(bucket, key, 'object'));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const lastByte = Math.max(0, bytes.length - 1);
    const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
    const range = { start: options?.start ?? 0, end: Math.min(options?.end ?? Infinity, lastByte) };
    const satisfiable = !(range.start < 0 || range.end < range.start);
    // A stream, as s3rver's controller expects (it destroys the content of a HEAD).
    const object = new S3Object(bucket, key, satisfiable ? Readable.from([bytes.subarray(range.start, range.end + 1)]) : null, metadata);
    if (ranged) object.range = range;
    return object;
  }

  async putObject(object: S3rverObject): Promise<{ size: number; md5: string }> {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    const bytes = Buffer.isBuffer(object.content) ? object.content : await buffer(object.content);
    mkdirSync(dirname(objectPath), { recursive: true });
    writeFileSync(objectPath, bytes);
    const md5 = createHash('md5').update(bytes).digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size: bytes.length, md5 };
  }
}

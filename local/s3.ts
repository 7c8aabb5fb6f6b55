/**
 * An in-process S3-compatible server (s3rver, objects in a temporary directory, in memory where the system
 * offers it, each file read and written whole: ./s3-store.ts), as dynalite is for
 * DynamoDB: the handlers talk S3 to it through the real SDK, and it is gone when the runtime closes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../src/aws/clients';
import { WholeFileStore } from './s3-store';

// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void>; store: unknown; context: { store: unknown } };

export interface LocalS3 {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Objects live in memory-backed storage where the system has it (Linux's /dev/shm), else in the temporary directory. */
const OBJECTS_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export async function startS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(OBJECTS_ROOT, 'vigil-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  server.store = server.context.store = new WholeFileStore(directory);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function createBucket(endpoint: string, name: string): Promise<void> {
  const client = createS3Client(endpoint);
  await client.send(new CreateBucketCommand({ Bucket: name }));
  client.destroy();
}

/** The hourly state snapshots on the local S3 server: which snapshot an hour starts from, and when a rerun changed one. */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { createBucket, startS3, type LocalS3 } from '../../local/s3';
import { createS3Client } from '../../src/aws/clients';
import type { StateEntry } from '../../src/detections/engine';
import { nextSnapshotHour, saveSnapshot, snapshotBefore, snapshotHash } from '../../src/store/snapshots';
import { DAY } from '../../src/time';

const BUCKET = 'vigil-testco-000000000000';
const entry = (key: string, state: unknown): StateEntry => ({ detectionId: 'okta-impossible-travel', key, state, lastSeen: 1, expiresAt: 2 });
const since = (hour: string) => Date.parse(`${hour}:00:00Z`) - 7 * DAY;

describe('hourly state snapshots', () => {
  let server: LocalS3;
  let s3: S3Client;
  beforeEach(async () => {
    server = await startS3();
    await createBucket(server.endpoint, BUCKET);
    s3 = createS3Client(server.endpoint);
  });
  afterEach(async () => {
    s3.destroy();
    await server.close();
  });

  it('given the previous hour ran, when an hour starts, then it starts from that hour\'s snapshot', async () => {
    await saveSnapshot(s3, BUCKET, '2026-11-02T08', [entry('a', 1)]);
    await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('a', 2), entry('b', 1)]);

    const before = await snapshotBefore(s3, BUCKET, '2026-11-02T10', since('2026-11-02T10'));

    expect(before).toEqual({ hour: '2026-11-02T09', entries: [entry('a', 2), entry('b', 1)] });
  });

  it('given this process saved the previous hour’s snapshot last (a warm container), when the next hour starts, then it starts from that state after a HEAD, without reading the object, and only once', async () => {
    await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('a', 2)]);
    const sent: string[] = [];
    const counting = { send: (cmd: { constructor: { name: string } }) => (sent.push(cmd.constructor.name), s3.send(cmd as never)) } as unknown as S3Client;

    const first = await snapshotBefore(counting, BUCKET, '2026-11-02T10', since('2026-11-02T10'));
    const again = await snapshotBefore(counting, BUCKET, '2026-11-02T10', since('2026-11-02T10'));

    expect(first).toEqual({ hour: '2026-11-02T09', entries: [entry('a', 2)] });
    expect(again).toEqual(first);
    expect(sent).toEqual(['HeadObjectCommand', 'GetObjectCommand']);
  });

  it('given the previous hour’s snapshot was written again elsewhere after this process saved it, when the next hour starts, then it starts from the stored object', async () => {
    await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('a', 2)]);
    const elsewhere = createS3Client(server.endpoint);
    // Another container (a module instance of its own) reruns 09.
    await jest.isolateModulesAsync(async () => {
      const other = await import('../../src/store/snapshots');
      await other.saveSnapshot(elsewhere, BUCKET, '2026-11-02T09', [entry('a', 3)]);
    });

    const before = await snapshotBefore(s3, BUCKET, '2026-11-02T10', since('2026-11-02T10'));

    expect(before).toEqual({ hour: '2026-11-02T09', entries: [entry('a', 3)] });
    elsewhere.destroy();
  });

  it('given hours that never ran before it (and snapshots after it), when an hour starts, then it starts from the latest snapshot before it', async () => {
    for (const [hour, state] of [['2026-11-01T22', 1], ['2026-11-02T05', 2], ['2026-11-02T11', 3]] as const) await saveSnapshot(s3, BUCKET, hour, [entry('a', state)]);

    const before = await snapshotBefore(s3, BUCKET, '2026-11-02T09', since('2026-11-02T09'));

    expect(before).toEqual({ hour: '2026-11-02T05', entries: [entry('a', 2)] });
  });

  it('given only snapshots older than the look-back, when an hour starts, then it starts from nothing', async () => {
    await saveSnapshot(s3, BUCKET, '2026-10-01T05', [entry('a', 1)]);
    expect(await snapshotBefore(s3, BUCKET, '2026-11-02T09', since('2026-11-02T09'))).toBeUndefined();
  });

  it('given the same states in another order, when saved again, then the hash is the same; a changed state changes it', async () => {
    const first = await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('a', 1), entry('b', 1)]);

    expect(await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('b', 1), entry('a', 1)])).toBe(first);
    expect(await snapshotHash(s3, BUCKET, '2026-11-02T09')).toBe(first);
    expect(await saveSnapshot(s3, BUCKET, '2026-11-02T09', [entry('a', 1), entry('b', 2)])).not.toBe(first);
    expect(await snapshotHash(s3, BUCKET, '2026-11-02T10')).toBeUndefined();
  });

  it('given more entries than a piece of the JSON holds, when saved and read back by another run, then the entries come back in order and the hash is that of their JSON', async () => {
    const entries = Array.from({ length: 4_500 }, (_, i) => entry(`user-${String(4_499 - i).padStart(5, '0')}`, i % 7 ? { seen: [i, 'x'], n: i } : null));
    const hash = await saveSnapshot(s3, BUCKET, '2026-11-02T09', entries);
    await saveSnapshot(s3, BUCKET, '2026-11-02T07', []); // the snapshot this process saved last is another hour's: 09 is read from S3

    const read = await snapshotBefore(s3, BUCKET, '2026-11-02T10', since('2026-11-02T10'));

    const sorted = [...entries].sort((a, b) => a.key.localeCompare(b.key));
    expect(read?.entries).toEqual(sorted);
    const json = JSON.stringify(sorted.map((e) => [e.detectionId, e.key, e.state, e.lastSeen, e.expiresAt]));
    expect(hash).toBe(createHash('sha256').update(json).digest('hex'));
    expect(await snapshotHash(s3, BUCKET, '2026-11-02T09')).toBe(hash);
  });

  it('given later hours ran, when asked which ran next after an hour, then it is the first later snapshot, and none after the last', async () => {
    for (const hour of ['2026-11-02T09', '2026-11-02T12', '2026-11-02T13']) await saveSnapshot(s3, BUCKET, hour, []);

    expect(await nextSnapshotHour(s3, BUCKET, '2026-11-02T09')).toBe('2026-11-02T12');
    expect(await nextSnapshotHour(s3, BUCKET, '2026-11-02T13')).toBeUndefined();
  });
});

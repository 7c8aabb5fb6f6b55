import { join } from 'node:path';
import { deliveryRecord, readDeliveryRecords, type DeliveryRecord } from '../../cli/delivery-reader';
import { newStats, readRecords } from '../../cli/input';
import { matches } from '../../src/events/patterns';
import { busRules } from '../../local/bus';
import { envelope, logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { ndjsonFile, tempDir } from '../cli-support';

const SOURCE = 'aws.partner/okta.com/acme/vigil-acme';
const ORIGIN = { source: SOURCE, account: '111122223333', region: 'us-east-1' };
const RULES = { source: SOURCE, retentionDays: 30 };
const pat = person('pat@acme.example');
const events = (n: number) => Array.from({ length: n }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes('2026-11-02T09:00:00Z', i), actor: userActor(pat), place: PLACES.newYork }));

async function onThisThread(file: string) {
  const stats = newStats();
  const records: DeliveryRecord[] = [];
  for await (const r of readRecords(file, stats, RULES)) records.push(deliveryRecord(r, ORIGIN));
  return { stats, records };
}

async function onWorker(file: string) {
  const stats = newStats();
  const records: DeliveryRecord[] = [];
  for await (const r of readDeliveryRecords(file, stats, RULES, ORIGIN)) records.push(r);
  return { stats, records };
}

describe('the simulation input read on a worker thread', () => {
  it('given every kind of record over several batches, when read on the worker, then the records and counts are those read on this thread', async () => {
    const day = events(1_600);
    const lines = day.map((e) => JSON.stringify(envelope(e, { source: SOURCE })));
    lines.splice(10, 0, JSON.stringify(day[3])); // a bare LogEvent (a copy: a duplicate)
    lines.splice(20, 0, JSON.stringify(events(1)[0]).replace(/"uuid":"[^"]+"/, '"uuid":"bare-1"'));
    lines.splice(700, 0, '{"not json');
    lines.splice(900, 0, JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }));
    lines.splice(1_200, 0, JSON.stringify(envelope(day[5], { source: 'aws.partner/okta.com/globex/okta-system-log' })));
    lines.splice(1_300, 0, 'x'.repeat(300_000));
    const file = ndjsonFile(lines);

    const expected = await onThisThread(file);
    const read = await onWorker(file);

    expect(read.records).toEqual(expected.records);
    expect(read.stats).toEqual(expected.stats);
    expect(read.stats).toMatchObject({ lines: lines.length, malformed: 2, notOkta: 1, foreign: 1, duplicates: 1 });
  });

  it('given an event, when read, then what goes on the bus is its line as read and a view the ingest rule routes as the event', async () => {
    const [e] = events(1);
    const line = JSON.stringify(envelope(e, { source: SOURCE }));

    const { records } = await onWorker(ndjsonFile([line, JSON.stringify(e)]));

    expect(records[0]).toMatchObject({ kind: 'event', body: line, uuid: e.uuid, time: Date.parse(e.published), view: { source: SOURCE, 'detail-type': 'SystemLog' } });
    expect(matches(busRules().ingest, records[0].view)).toBe(true);
    // A bare LogEvent goes on the bus in the tenant's envelope.
    expect(JSON.parse(records[1].body!)).toMatchObject({ source: SOURCE, account: ORIGIN.account, region: ORIGIN.region, detail: e });
  });

  it('given an input that cannot be read, when read on the worker, then the error is the one reading here gives', async () => {
    const missing = join(tempDir(), 'missing.ndjson');

    await expect(onWorker(missing)).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/^ENOENT: no such file or directory/) });
  });
});

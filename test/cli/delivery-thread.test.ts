import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { deliveryRecord, deliveryRecords, envelopeOrigin, newDeliveryCounts, timedDeliveries, type DeliveryRecord, type EventArrival } from '../../cli/delivery-reader';
import { DeliveryThread } from '../../cli/delivery-thread';
import { newStats, readRecords } from '../../cli/input';
import { busRules } from '../../local/bus';
import { generateDay } from '../../local/generator';
import { LocalPipeline } from '../../local/runtime';
import { simulate, type SimulationResult } from '../../local/simulation';
import type { Usage } from '../../src/aws/request-meter';
import { matches } from '../../src/events/patterns';
import { envelope, logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { intakeRules, settingsOf } from '../../src/pipeline/config';
import { findTenant, loadTenants } from '../../src/tenants/load';
import { eventSourceName, type Tenant } from '../../src/tenants/schema';
import { tenantNames } from '../../stacks/naming';
import { ndjsonFile, tempDir } from '../cli-support';

const acme = findTenant(loadTenants(join(__dirname, '../../tenants')), 'acme');
const RULES = intakeRules(settingsOf(acme));
const ORIGIN = envelopeOrigin(acme);
const SOURCE = eventSourceName(acme);

/** A generated day as `vigil generate` writes it (late and duplicate deliveries, broken records), with a record of every other kind. */
function dayFile(): { file: string; lines: string[] } {
  const day = generateDay({ day: '2026-11-02', org: 'acme', source: SOURCE, users: 40, seed: 11 });
  const lines = day.deliveries.map((d) => d.raw ?? JSON.stringify({ ...(d.event as object), time: new Date(d.at).toISOString() }));
  const [first] = day.events;
  lines.splice(10, 0, JSON.stringify(first)); // a bare LogEvent (a copy: a duplicate)
  lines.splice(700, 0, '{"not json');
  lines.splice(900, 0, JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }));
  lines.splice(1_200, 0, JSON.stringify(envelope(first, { source: 'aws.partner/okta.com/globex/okta-system-log' })));
  lines.splice(1_300, 0, 'x'.repeat(300_000));
  return { file: ndjsonFile(lines), lines };
}

/** Stored findings without what the wall clock stamps on them (when found and notified, when they expire, the run's id). */
const unstamped = (findings: SimulationResult['findings']) => findings.map(({ foundAt, notifiedAt, detectRun, ...f }) => ({ ...f, ttl: undefined }));

/** Each hourly run: what was delivered before it, what it processed, and what it notified (each message's subject). */
const hourly = (result: SimulationResult) => result.reports.map(({ execution, notifications, ...r }) => ({ ...r, status: execution?.status, notified: notifications.map((m) => m.input.Subject) }));

interface Run {
  readonly result: SimulationResult;
  readonly objects: string[];
  readonly usage: Usage[];
  readonly bus: LocalPipeline['bus'];
  readonly delivery: LocalPipeline['delivery'];
  readonly archived: number;
  readonly replayed: number;
  readonly arrivals: EventArrival[];
  readonly counts: ReturnType<typeof newDeliveryCounts>;
  readonly input: ReturnType<typeof newStats>;
}

/** What a run left: its objects, its requests (without Lambda's timings), its counts, and what the archive replays. */
async function outcome(pipeline: LocalPipeline, result: SimulationResult, arrivals: EventArrival[], counts: Run['counts'], input: Run['input']): Promise<Run> {
  const listed = await pipeline.s3.send(new ListObjectsV2Command({ Bucket: pipeline.bucket, Prefix: 'events/' }));
  const usage = pipeline.meter.usage().map(({ durationMs, gbSeconds, ...u }) => ({ ...u, durationMs: 0, gbSeconds: 0 }) satisfies Usage);
  usage.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const replayed = await pipeline.replayArchive('check', 0, Date.parse('2027-01-01T00:00:00Z'));
  return { result, objects: (listed.Contents ?? []).map((o) => o.Key!).sort(), usage, bus: pipeline.bus, delivery: pipeline.delivery, archived: pipeline.archived, replayed, arrivals, counts, input };
}

/** The file delivered on this thread: each record put on the pipeline's bus. */
async function onThisThread(tenant: Tenant, file: string): Promise<Run> {
  const pipeline = await LocalPipeline.start(tenant);
  try {
    const arrivals: EventArrival[] = [];
    const counts = newDeliveryCounts();
    const input = newStats();
    const result = await simulate(pipeline, timedDeliveries(deliveryRecords(file, input, RULES, ORIGIN), counts, (a) => arrivals.push(a)));
    return await outcome(pipeline, result, arrivals, counts, input);
  } finally {
    await pipeline.close();
  }
}

/** The file delivered on a thread of its own: the bus and delivery stream there, the objects written and ingested here. */
async function onDeliveryThread(tenant: Tenant, file: string): Promise<Run> {
  const arrivals: EventArrival[] = [];
  const thread = DeliveryThread.start(
    { path: file, rules: RULES, origin: ORIGIN, streamName: tenantNames(tenant).deliveryStream, archiveRetentionDays: tenant.archive.retentionDays, gracePeriodMinutes: tenant.schedule.gracePeriodMinutes, arrivals: true },
    (batch) => arrivals.push(...batch),
  );
  const pipeline = await LocalPipeline.start(tenant);
  try {
    const result = await simulate(pipeline, thread.deliverTo(pipeline));
    return await outcome(pipeline, result, arrivals, thread.counts, thread.input);
  } finally {
    await thread.close();
    await pipeline.close();
  }
}

describe('the simulation input delivered on a thread of its own', () => {
  jest.setTimeout(120_000);

  it('given a day with late, duplicate and broken records, when delivered on its own thread, then the pipeline makes the same requests, writes the same objects, finds and notifies the same, and archives the same as with the bus on its thread', async () => {
    const { file, lines } = dayFile();

    const here = await onThisThread(acme, file);
    const there = await onDeliveryThread(acme, file);

    expect(there.result.findings.length).toBeGreaterThan(0);
    expect(unstamped(there.result.findings)).toEqual(unstamped(here.result.findings));
    expect(hourly(there.result)).toEqual(hourly(here.result));
    expect(there.objects).toEqual(here.objects);
    expect(there.usage).toEqual(here.usage);
    expect([there.bus, there.delivery, there.archived, there.replayed]).toEqual([here.bus, here.delivery, here.archived, here.replayed]);
    expect(there.result.delivery).toEqual(here.result.delivery);
    expect(there.arrivals).toEqual(here.arrivals);
    expect(there.counts).toEqual(here.counts);
    expect(there.input).toEqual(here.input);
    expect(there.input).toMatchObject({ lines: lines.length, foreign: 1 });
    expect(there.result.reports.filter((r) => r.hours.length).length).toBeGreaterThan(20);
    expect(there.result.delivery.late + there.counts.quarantined).toBeGreaterThan(0);
  });

  it('given an input with no event, when delivered on its own thread, then there is no first delivery and nothing is delivered', async () => {
    const thread = DeliveryThread.start({ path: ndjsonFile(['{"not json', JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} })]), rules: RULES, origin: ORIGIN, streamName: 's', archiveRetentionDays: 1, gracePeriodMinutes: 15 });
    const pipeline = await LocalPipeline.start(acme);
    try {
      thread.deliverTo(pipeline);
      expect(await thread.first()).toBeUndefined();
      expect(await thread.deliverBefore(Date.now())).toEqual({ delivered: 0, more: false });
      expect(thread.input).toMatchObject({ lines: 2, events: 0, malformed: 1, notOkta: 1 });
    } finally {
      await thread.close();
      await pipeline.close();
    }
  });

  it('given an input that cannot be read, when delivered on its own thread, then the error is the one reading here gives', async () => {
    const missing = join(tempDir(), 'missing.ndjson');
    const thread = DeliveryThread.start({ path: missing, rules: RULES, origin: ORIGIN, streamName: 's', archiveRetentionDays: 1, gracePeriodMinutes: 15 });
    const pipeline = await LocalPipeline.start(acme);
    try {
      await expect(thread.deliverTo(pipeline).first()).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/^ENOENT: no such file or directory/) });
    } finally {
      await thread.close();
      await pipeline.close();
    }
  });
});

describe('the simulation input as it reaches the bus', () => {
  const pat = person('pat@acme.example');
  const events = (n: number) => Array.from({ length: n }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes('2026-11-02T09:00:00Z', i), actor: userActor(pat), place: PLACES.newYork }));

  it('given an event, when read, then what goes on the bus is its line as read and a view the ingest rule routes as the event', async () => {
    const [e] = events(1);
    const line = JSON.stringify(envelope(e, { source: SOURCE }));
    const records: DeliveryRecord[] = [];

    for await (const r of readRecords(ndjsonFile([line, JSON.stringify(e)]), newStats(), RULES)) records.push(deliveryRecord(r, ORIGIN));

    expect(records[0]).toMatchObject({ kind: 'event', body: line, uuid: e.uuid, time: Date.parse(e.published), view: { source: SOURCE, 'detail-type': 'SystemLog' } });
    expect(matches(busRules().ingest, records[0].view)).toBe(true);
    // A bare LogEvent goes on the bus in the tenant's envelope.
    expect(JSON.parse(records[1].body!)).toMatchObject({ source: SOURCE, account: ORIGIN.account, region: ORIGIN.region, detail: e });
  });
});

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamo } from '../../src/aws/clients';
import { LocalPipeline } from '../../local/runtime';
import { PLACES } from '../../src/okta/fixtures';
import type { Usage } from '../../src/aws/request-meter';
import { failedSignIns, normalSignIns, testTenant, victim, wrap } from './helpers';

const dailyRequests = (usage: Usage[], operation: string) => usage.filter((u) => u.component === 'daily' && u.operation === operation).reduce((n, u) => n + u.requests, 0);

describe('daily activity and digest', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }));
  });
  afterEach(() => p.close());

  it("given a day of events, when the daily job runs, then each user's day is in the Activity table and a digest of the day's findings is sent", async () => {
    for (const e of [...failedSignIns('2026-11-02T09:05:00Z', 12), ...normalSignIns('2026-11-02T13:00:00Z', 4)]) await p.put(wrap(e));
    await p.runHourly('2026-11-02T10:15:00Z');

    const out = await p.runDaily('2026-11-03T06:00:00Z');

    expect(out).toMatchObject({ day: '2026-11-02', users: 2, events: 16, findings: 1, digest: true });
    const item = await createDynamo(p.endpoint).send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: '2026-11-02' } }));
    expect(item.Item).toMatchObject({ login: victim.login, events: 12, failedSignIns: 12, signIns: 0, countries: ['Nigeria'] });
    const digest = p.published.find((m) => m.body.kind === 'digest')!;
    expect(digest.body.findings).toHaveLength(1);
    expect(digest.input.MessageAttributes?.severity.StringValue).toBe('medium');
  });

  it("given a user's events in two hours of a day, delivered late hour first, when the daily job runs, then their day reads in event-time order and only those hours are queried and fetched", async () => {
    for (const e of [...failedSignIns('2026-11-02T21:00:00Z', 2), ...normalSignIns('2026-11-02T08:00:00Z', 2, victim)]) await p.put(wrap(e));
    await p.drain();
    const before = p.meter.usage();

    await p.runDaily('2026-11-03T06:00:00Z');

    const item = await createDynamo(p.endpoint).send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: '2026-11-02' } }));
    expect(item.Item).toMatchObject({ events: 4, signIns: 2, failedSignIns: 2, firstSeen: '2026-11-02T08:00:00.000Z', lastSeen: '2026-11-02T21:01:00.000Z' });
    expect(item.Item).toMatchObject({ countries: ['United States', 'Nigeria'], ips: [PLACES.sanFrancisco.ip, PLACES.lagos.ip] });
    expect(dailyRequests(p.meter.usage(), 'GetObject') - dailyRequests(before, 'GetObject')).toBe(2);
    // One query finds the days a daily run completed (none yet: nothing to catch up), one the hours with events; then a
    // chunk list and a findings query for each of those two hours only.
    expect(dailyRequests(p.meter.usage(), 'Query') - dailyRequests(before, 'Query')).toBe(1 + 1 + 2 + 2);
  });

  it("given two hours the hourly workflow processed and a late event re-opening the first, when the daily job runs, then the processed hour is added up from the parts Detect stored and the re-opened one from its events", async () => {
    for (const e of [...failedSignIns('2026-11-02T09:05:00Z', 3), ...normalSignIns('2026-11-02T13:00:00Z', 2, victim)]) await p.put(wrap(e));
    await p.runHourly('2026-11-02T14:15:00Z');
    for (const e of failedSignIns('2026-11-02T09:40:00Z', 1)) await p.put(wrap(e));
    await p.drain();
    const before = p.meter.usage();

    const out = await p.runDaily('2026-11-03T06:00:00Z');

    expect(out).toMatchObject({ users: 1, events: 6 });
    const item = await createDynamo(p.endpoint).send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: '2026-11-02' } }));
    expect(item.Item).toMatchObject({ events: 6, signIns: 2, failedSignIns: 4, firstSeen: '2026-11-02T09:05:00.000Z', lastSeen: '2026-11-02T13:03:00.000Z', countries: ['Nigeria', 'United States'] });
    // The runs' records, the hours with events, the findings of each of the two hours, and one chunk list: the re-opened hour's only.
    expect(dailyRequests(p.meter.usage(), 'Query') - dailyRequests(before, 'Query')).toBe(1 + 1 + 2 + 1);
  });

  it('given a daily run that failed or never came, when the next daily run fires, then it rolls up the missed day and sends its digest first, once', async () => {
    for (const [day, n] of [['2026-11-01', 2], ['2026-11-02', 3], ['2026-11-03', 4]] as const) for (const e of normalSignIns(`${day}T10:00:00Z`, n, victim)) await p.put(wrap(e));
    await p.drain();
    expect(await p.runDaily('2026-11-02T06:00:00Z')).toMatchObject({ day: '2026-11-01', caughtUp: [] });
    // The run of 2026-11-03 06:00 failed after Lambda's retries (its event is in the on-failure queue).

    const next = await p.runDaily('2026-11-04T06:00:00Z');
    const after = await p.runDaily('2026-11-05T06:00:00Z');

    expect(next).toMatchObject({ day: '2026-11-03', events: 4, caughtUp: ['2026-11-02'] });
    expect(after).toMatchObject({ day: '2026-11-04', caughtUp: [] });
    const missed = await createDynamo(p.endpoint).send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: '2026-11-02' } }));
    expect(missed.Item).toMatchObject({ events: 3, signIns: 3 });
    expect(p.published.filter((m) => m.body.kind === 'digest').map((m) => m.input.Subject?.replace(/ \S /, ' | '))).toEqual([
      'Vigil testco: daily digest 2026-11-01 | 0 findings',
      'Vigil testco: daily digest 2026-11-02 | 0 findings',
      'Vigil testco: daily digest 2026-11-03 | 0 findings',
      'Vigil testco: daily digest 2026-11-04 | 0 findings',
    ]);
  });
});

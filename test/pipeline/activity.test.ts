import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamo } from '../../src/aws/clients';
import { LocalPipeline } from '../../local/runtime';
import { bystander, failedSignIns, normalSignIns, testTenant, victim, wrap } from './helpers';

describe('daily activity, digest and refresh-user', () => {
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

  it("given a user's recent events, when their data is refreshed on demand, then their most recent events come back newest first", async () => {
    for (const e of [...normalSignIns('2026-11-02T10:00:00Z', 5), ...failedSignIns('2026-11-02T10:30:00Z', 2)]) await p.put(wrap(e));
    await p.drain();

    const out = (await p.refreshUser(bystander.login, { asOf: '2026-11-02T12:00:00Z', hours: 6 })) as { total: number; events: Array<{ published: string }> };

    expect(out.total).toBe(5);
    expect(out.events.map((e) => e.published)).toEqual([...out.events.map((e) => e.published)].sort().reverse());
  });
});

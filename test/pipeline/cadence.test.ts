import { LocalPipeline } from '../../local/runtime';
import { bystander, failedSignIns, rejectedPushes, testTenant, victim, wrap } from './helpers';

/** Brute force on the victim (hour 08) and on the bystander (hour 09): two hourly findings, high severity. */
async function twoBruteForces(p: LocalPipeline): Promise<void> {
  for (const e of [...failedSignIns('2026-11-02T08:05:00Z', 24, victim), ...failedSignIns('2026-11-02T09:05:00Z', 24, bystander)]) await p.put(wrap(e));
  await p.runHourly('2026-11-02T09:15:00Z');
  await p.runHourly('2026-11-02T10:15:00Z');
}

describe('notification cadence, on the local runtime', () => {
  let p: LocalPipeline;
  afterEach(() => p.close());

  it('given the hourly cadence (the default), when hourly runs find findings, then each is sent at once and the digest sends nothing anew', async () => {
    p = await LocalPipeline.start(testTenant());
    await twoBruteForces(p);
    expect(p.published.map((m) => m.body.kind)).toEqual(['finding', 'finding']);

    const daily = await p.runDaily('2026-11-03T06:00:00Z');

    expect(daily).toMatchObject({ findings: 2, delivered: 0 });
    expect(p.published[2].input.Subject).toBe('Vigil testco: daily digest 2026-11-02 - 2 findings');
  });

  it("given the daily cadence, when a near-time finding fires for a user, then that user's waiting finding goes with it at once, and the daily message sends only the other user's, once", async () => {
    p = await LocalPipeline.start(testTenant({ notifications: { cadence: 'daily', subscriptions: [] } }));
    await twoBruteForces(p);
    expect(p.published).toEqual([]); // both wait for the daily message

    for (const e of rejectedPushes('2026-11-02T10:20:00Z', 3, victim)) await p.put(wrap(e));
    await p.drain();

    expect(p.published).toHaveLength(1);
    expect(p.published[0].body).toMatchObject({ kind: 'near-time' });
    expect(p.published[0].body.findings.map((f) => f.detectionId)).toEqual(['okta-mfa-push-fatigue', 'okta-brute-force-user']);

    const daily = await p.runDaily('2026-11-03T06:00:00Z');
    const again = await p.runDaily('2026-11-03T06:00:00Z');

    expect(daily).toMatchObject({ delivered: 1 });
    expect(again).toMatchObject({ delivered: 0 });
    const digest = p.published[1];
    expect(digest.input.Subject).toMatch(/daily digest 2026-11-02 - 3 findings, 1 not sent before$/);
    expect((digest.body.findings[0].subject as { display: string }).display).toBe(bystander.login); // the one not sent before comes first
    expect(JSON.parse(digest.input.Message!).email).toMatch(new RegExp(`Not sent before \\(1\\):\\n.*${bystander.login}`));
    expect(p.published).toHaveLength(3);
  });

  it('given the daily cadence but medium findings hourly, when an hourly run finds medium ones, then they are sent at once', async () => {
    p = await LocalPipeline.start(testTenant({ notifications: { cadence: 'daily', cadenceBySeverity: { medium: 'hourly', high: 'hourly', critical: 'hourly' }, subscriptions: [] } }));
    await twoBruteForces(p);
    expect(p.published.map((m) => m.body.kind)).toEqual(['finding', 'finding']);
  });
});

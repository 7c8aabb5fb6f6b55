import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { localReplayTarget } from '../../local/replay-target';
import { LocalPipeline } from '../../local/runtime';
import { replay, replayName, windowHours } from '../../src/ops/replay';
import { chunkObjectKey, listChunks, readObject } from '../../src/store/events';
import { failedSignIns, testTenant, victim, bystander, wrap } from '../pipeline/helpers';

const at = (iso: string) => Date.parse(iso);

describe('replay from the archive, on the local runtime', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant());
  });
  afterEach(() => p.close());

  /** Brute force on the victim in hour 08, and on the bystander in hour 09, each event arriving a few seconds after it happened. */
  async function deliverTwoAttacks(): Promise<void> {
    for (const e of [...failedSignIns('2026-11-02T08:05:00Z', 24, victim), ...failedSignIns('2026-11-02T09:05:00Z', 24, bystander)]) await p.put(wrap(e), Date.parse(e.published) + 5_000);
  }

  const run = (name: string) =>
    replay(localReplayTarget(p, () => at('2026-11-02T12:00:00Z')), { name, from: at('2026-11-02T08:00:00Z'), to: at('2026-11-02T10:00:00Z') }, { pollMs: 0 });

  it('given hours already processed and notified, when their window is replayed twice, then every replayed hour is rerun and nothing new is notified', async () => {
    await deliverTwoAttacks();
    await p.runHourly('2026-11-02T09:15:00Z');
    await p.runHourly('2026-11-02T10:15:00Z');
    expect(p.published).toHaveLength(2);

    const first = await run('r-1');
    const second = await run('r-2');

    for (const r of [first, second]) {
      expect(r.state).toBe('COMPLETED');
      expect(r.hours).toEqual([expect.objectContaining({ hour: '2026-11-02T08', events: 24, findings: 1, published: 0 }), expect.objectContaining({ hour: '2026-11-02T09', events: 24, findings: 1, published: 0 })]);
    }
    expect(p.published).toHaveLength(2);
  });

  it("given an hour whose events were lost from the store before its run, when the window is replayed, then that hour's findings are restored and only they are notified", async () => {
    await deliverTwoAttacks();
    await p.runHourly('2026-11-02T09:15:00Z'); // hour 08: the victim's brute force, notified
    await p.drain();
    for (const sk of await listChunks(p.ddb, p.tables.events, '2026-11-02T09')) await p.ddb.send(new DeleteCommand({ TableName: p.tables.events, Key: { pk: 'H#2026-11-02T09', sk } }));
    expect((await p.runHourly('2026-11-02T10:15:00Z')).output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 0, findings: 0 }] });
    expect(p.published).toHaveLength(1);

    const r = await run('r-lost');

    expect(r.hours).toEqual([expect.objectContaining({ hour: '2026-11-02T08', findings: 1, published: 0 }), expect.objectContaining({ hour: '2026-11-02T09', events: 24, findings: 1, published: 1 })]);
    expect(p.published.map((m) => (m.body.findings[0].subject as { display: string }).display)).toEqual([victim.login, bystander.login]);
  });

  it('given events outside the window, when replayed, then only the events that reached the bus within it are replayed, each with its replay-name', async () => {
    await deliverTwoAttacks();
    const n = await p.replayArchive('only-08', at('2026-11-02T08:00:00Z'), at('2026-11-02T09:00:00Z'));
    await p.drain();
    expect(n).toBe(24);
    const replayedIn = async (hour: string) => {
      const names: unknown[] = [];
      for (const sk of await listChunks(p.ddb, p.tables.events, hour)) for (const r of await readObject(p.s3, p.bucket, chunkObjectKey(sk))) if ((r.value as Record<string, unknown>)['replay-name']) names.push((r.value as Record<string, unknown>)['replay-name']);
      return names;
    };
    expect(await replayedIn('2026-11-02T08')).toEqual(Array(24).fill('only-08'));
    expect(await replayedIn('2026-11-02T09')).toEqual([]);
  });

  it('given an abort while the replay runs, when followed, then the replay is cancelled and no hour is run', async () => {
    await deliverTwoAttacks();
    const controller = new AbortController();
    const target = localReplayTarget(p);
    let cancelled = false;
    const r = await replay(
      { ...target, startReplay: async () => controller.abort(), describeReplay: async () => ({ state: cancelled ? 'CANCELLED' : 'RUNNING' }), cancelReplay: async () => void (cancelled = true) },
      { name: 'r-abort', from: at('2026-11-02T08:00:00Z'), to: at('2026-11-02T10:00:00Z') },
      { pollMs: 0, signal: controller.signal },
    );
    expect(cancelled).toBe(true);
    expect(r).toMatchObject({ state: 'CANCELLED', hours: [] });
  });

  it('given a window, when its hours and a replay name are derived, then the hours cover it and the name is one EventBridge accepts', () => {
    expect(windowHours(at('2026-11-02T08:30:00Z'), at('2026-11-02T10:00:00Z'))).toEqual(['2026-11-02T08', '2026-11-02T09']);
    expect(replayName('vigil-a-very-long-tenant-id-that-goes-on-and-on-and-on', at('2026-11-02T08:00:00Z'), 1)).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
  });
});

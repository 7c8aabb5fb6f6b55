import { LocalPipeline } from '../../local/runtime';
import { simulate, type TimedDelivery } from '../../local/simulation';
import { logEvent, minutes, PLACES, userActor } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { DAY, HOUR, hourBucket } from '../../src/time';
import { failedSignIns, testTenant, victim, wrap } from '../pipeline/helpers';

const onTime = (e: OktaLogEvent, lateBy = 2_000): TimedDelivery => ({ at: Date.parse(e.published) + lateBy, event: wrap(e) });
const deniedPushes = (start: string) =>
  [0, 1, 2].map((n) => logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes(start, n), actor: userActor(victim), place: PLACES.moscow, outcome: 'FAILURE' }));

async function run(deliveries: TimedDelivery[], fastForward: boolean) {
  const pipeline = await LocalPipeline.start(testTenant());
  try {
    const result = await simulate(pipeline, deliveries, { fastForward });
    return { ...result, processedWithEvents: [...new Set(result.reports.flatMap((r) => r.hours.filter((h) => h.events > 0).map((h) => h.hour)))].sort() };
  } finally {
    await pipeline.close();
  }
}

describe('local simulation: empty time', () => {
  it('given 40 events spread over a year, when simulated, then every hour of the year has its run, the empty ones fast-forwarded, and the attack at the end is found', async () => {
    const start = Date.parse('2026-01-01T00:30:00Z');
    const spread = Array.from({ length: 37 }, (_, i) => failedSignIns(new Date(start + Math.floor((i * 355 * DAY) / 37)).toISOString(), 1)[0]);
    const attack = deniedPushes('2026-12-28T09:00:00Z');

    const { reports, findings, processedWithEvents } = await run([...spread, ...attack].map((e) => onTime(e)), true);

    const ticks = reports.map((r) => Date.parse(r.tick));
    expect(ticks.every((t, i) => i === 0 || t - ticks[i - 1] === HOUR)).toBe(true);
    expect(ticks[ticks.length - 1] - ticks[0]).toBeGreaterThan(361 * DAY);
    expect(reports.filter((r) => r.fastForwarded).length).toBeGreaterThan(reports.length - 200);
    expect(reports.filter((r) => r.fastForwarded).every((r) => r.execution === undefined && r.hours.length === 0)).toBe(true);
    expect(processedWithEvents).toEqual([...new Set([...spread, ...attack].map((e) => hourBucket(Date.parse(e.published))))].sort());
    expect(findings.map((f) => f.detectionId)).toEqual(['okta-mfa-push-fatigue']);
  });

  it('given events with empty hours between them and one arriving hours late, when simulated with and without fast-forward, then the same hours are processed and the same findings stored', async () => {
    const early = failedSignIns('2026-03-02T08:10:00Z', 3);
    const late = failedSignIns('2026-03-02T14:20:00Z', 1)[0];
    const attack = deniedPushes('2026-03-03T02:00:00Z');
    const deliveries = [...early.map((e) => onTime(e)), onTime(late, 5 * HOUR), ...attack.map((e) => onTime(e))];

    const fast = await run(deliveries, true);
    const everyHour = await run(deliveries, false);

    expect(fast.reports.map((r) => r.tick)).toEqual(everyHour.reports.map((r) => r.tick));
    expect(fast.reports.some((r) => r.fastForwarded)).toBe(true);
    expect(everyHour.reports.every((r) => r.execution?.status === 'SUCCEEDED')).toBe(true);
    expect(fast.processedWithEvents).toEqual(everyHour.processedWithEvents);
    expect(fast.processedWithEvents).toContain('2026-03-02T14');
    expect(fast.findings.map((f) => [f.detectionId, f.windowStart])).toEqual(everyHour.findings.map((f) => [f.detectionId, f.windowStart]));
  });
});

describe('local simulation: a stream of deliveries', () => {
  async function* streamed(deliveries: readonly TimedDelivery[]): AsyncGenerator<TimedDelivery> {
    yield* deliveries;
  }
  const summary = (r: Awaited<ReturnType<typeof simulate>>) => ({
    ticks: r.reports.map((h) => [h.tick, h.delivered, h.fastForwarded, h.hours]),
    findings: r.findings.map((f) => [f.detectionId, f.windowStart, f.id]),
  });

  it('given three hours of deliveries read out of arrival order by up to four minutes, when simulated as a stream, then it runs as the sorted list does and holds only the reorder window', async () => {
    // One event a minute, each reaching the bus 2 s to 4 min after it was published: read in publish order, not arrival order.
    const events = [...failedSignIns('2026-03-02T08:00:00Z', 180), ...deniedPushes('2026-03-02T11:05:30Z')];
    const deliveries = events.map((e, i) => onTime(e, 2_000 + (i % 5) * 60_000));
    const run = async (input: readonly TimedDelivery[] | AsyncIterable<TimedDelivery>) => {
      const pipeline = await LocalPipeline.start(testTenant());
      try {
        return await simulate(pipeline, input, { fastForward: true });
      } finally {
        await pipeline.close();
      }
    };

    const listed = await run(deliveries);
    const stream = await run(streamed(deliveries));

    expect(summary(stream)).toEqual(summary(listed));
    expect(stream.findings.map((f) => f.detectionId)).toContain('okta-mfa-push-fatigue');
    expect(listed.delivery.maxBuffered).toBe(deliveries.length);
    expect(stream.delivery).toEqual({ maxBuffered: expect.any(Number), late: 0 });
    expect(stream.delivery.maxBuffered).toBeLessThanOrEqual(15 + 5 + 3);
  }, 120_000);

  it('given a stream with one delivery read an hour after later ones went through, when simulated, then it is counted late and still delivered', async () => {
    const early = failedSignIns('2026-03-02T08:10:00Z', 1)[0];
    const later = failedSignIns('2026-03-02T09:30:00Z', 15);
    const deliveries = [...later.map((e) => onTime(e)), onTime(early)];
    const pipeline = await LocalPipeline.start(testTenant());
    try {
      const result = await simulate(pipeline, streamed(deliveries), { reorderToleranceMs: 10 * 60_000 });

      expect(result.delivery.late).toBe(1);
      expect(result.reports.reduce((n, r) => n + r.delivered, 0)).toBe(16);
    } finally {
      await pipeline.close();
    }
  }, 60_000);
});

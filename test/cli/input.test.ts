import { simulateCommand, type Io } from '../../cli/commands';
import { DUPLICATE_WINDOW_MS, newStats, readRecords, type InputRecord } from '../../cli/input';
import { envelope, logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { ndjsonFile } from '../cli-support';

const SOURCE = 'aws.partner/okta.com/acme/vigil-acme';
const pat = person('pat@acme.example');
const pushes = (start: string, n: number) =>
  Array.from({ length: n }, (_, i) => logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes(start, i), actor: userActor(pat), place: PLACES.moscow, outcome: 'FAILURE' }));
const line = (e: OktaLogEvent, source = SOURCE) => JSON.stringify(envelope(e, { source }));

async function readAll(file: string) {
  const stats = newStats();
  const records: InputRecord[] = [];
  for await (const r of readRecords(file, stats, { source: SOURCE, retentionDays: 30 })) records.push(r);
  return { stats, records };
}

describe('the CLI reader', () => {
  it('given a stray event of 2001 at the top of a day of 2026 and one of 2099 at the end, when read, then the day is read and both strays are out of range, never delivered', async () => {
    const day = pushes('2026-11-02T09:00:00Z', 40);
    const file = ndjsonFile([line(pushes('2001-01-01T00:00:00Z', 1)[0]), ...day.map((e) => line(e)), line(pushes('2099-01-01T00:00:00Z', 1)[0])]);

    const { stats, records } = await readAll(file);

    expect(stats).toMatchObject({ lines: 42, events: 40, outOfRange: 2 });
    expect(records.filter((r) => r.undeliverable).map((r) => r.line)).toEqual([1, 42]);
    expect(stats.problems[0]).toMatch(/^line 1: out of range: LogEvent .* delivered 2001-01-01T00:00:00.000Z, more than the tenant's retention \(30 days\) from the rest of the input \(2026-11-02/);
  });

  it('given hostile lines among good ones, when read, then each is counted with its reason and every good line after them is read', async () => {
    const [a, b, c] = pushes('2026-11-02T09:00:00Z', 3);
    const file = ndjsonFile([
      line(a),
      JSON.stringify({ ...envelope(a, { source: SOURCE }), detail: { ...b, uuid: { toString: 'x' } } }),
      JSON.stringify(envelope({ ...b, published: 'Nov 2' }, { source: SOURCE })),
      line(b, 'aws.partner/okta.com/globex/okta-system-log'),
      'x'.repeat(300_000),
      line(b),
      line(c),
    ]);

    const { stats } = await readAll(file);

    expect(stats).toMatchObject({ lines: 7, events: 3, malformed: 3, foreign: 1 });
    expect(stats.problems).toEqual([
      expect.stringMatching(/^line 2: malformed: LogEvent: uuid must be a string, not an object/),
      expect.stringMatching(/^line 3: malformed: .*not an ISO-8601 timestamp with its zone/),
      expect.stringMatching(/^line 4: another org's event: source "aws.partner\/okta.com\/globex\/okta-system-log" is another Okta org/),
      expect.stringMatching(/^line 5: malformed: 300000 bytes, over EventBridge's 256 KB limit/),
    ]);
  });

  it('given a day with strays years away and records to quarantine, when simulated, then it runs only the day\'s hours and reports quarantine and dead-letter counts', async () => {
    const day = pushes('2026-11-02T09:00:00Z', 4);
    const file = ndjsonFile([
      line(pushes('1999-12-31T23:00:00Z', 1)[0]),
      ...day.map((e) => line(e)),
      line(day[0], 'aws.partner/okta.com/globex/okta-system-log'),
      JSON.stringify(envelope({ ...day[1], uuid: 'u'.repeat(3000) }, { source: SOURCE })),
      line(pushes('2999-01-01T00:00:00Z', 1)[0]),
    ]);
    const out: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: (l) => out.push(l) };

    expect(await simulateCommand({ input: file, tenant: 'acme' }, io)).toBe(0);

    const text = out.join('\n');
    expect(text).toMatch(/8 records: 4 events, 0 duplicates, 1 malformed, 0 not Okta, 1 of another org, 2 out of range/);
    expect(text).toMatch(/2 records quarantined by ingest, 0 messages dead-lettered; 2 never delivered/);
    const runs = Number(/(\d+) hourly runs/.exec(text)![1]);
    expect(runs).toBeLessThan(48);
    expect(text).toMatch(/Vigil acme: MFA push fatigue/);
  });

  it('given copies of events, one within the duplicate window of the latest event and one older than it, when read, then only the copy within the window counts as a duplicate (the older one as an event, for the pipeline to deduplicate)', async () => {
    const [early, recent] = pushes('2026-11-02T09:00:00Z', 2);
    const later = pushes(new Date(Date.parse('2026-11-02T09:01:00Z') + DUPLICATE_WINDOW_MS + 15 * 60_000).toISOString(), 1)[0];
    const file = ndjsonFile([line(early), line(recent), line(recent), line(later), line(early)]);

    const { stats, records } = await readAll(file);

    expect(stats).toMatchObject({ lines: 5, events: 4, duplicates: 1 });
    expect(records.map((r) => r.duplicate)).toEqual([false, false, true, false, false]);
  });
});

/**
 * The hostile corpus (./corpus.ts) through every reader of events: intake itself, `vigil detect`, `vigil simulate` and
 * the pipeline's ingest path (LocalPipeline: put, drain, the hourly run). Each bad record is set aside with its reason,
 * the good events alongside still make their finding, and nothing throws or hangs.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { detectCommand, simulateCommand, tenantById } from '../../cli/commands';
import { LocalPipeline } from '../../local/runtime';
import { ingestPattern, matches } from '../../src/events/patterns';
import { envelope } from '../../src/okta/fixtures';
import { intakeText } from '../../src/okta/input';
import { intakeRules, settingsOf } from '../../src/pipeline/config';
import { quarantinePk } from '../../src/store/keys';
import { capture, ndjsonFile } from '../cli-support';
import { attack, hostileCorpus, SOURCE, TENANT, type HostileCase } from './corpus';

const corpus = hostileCorpus();
const count = (kind: HostileCase['kind'], cases: readonly HostileCase[] = corpus) => cases.filter((c) => c.kind === kind).length;

/** The good events first and last, the corpus between them, as one NDJSON file. */
function corpusFile(): string {
  const good = attack().map((e) => JSON.stringify(envelope(e, { source: SOURCE })));
  return ndjsonFile([...good.slice(0, 2), ...corpus.map((c) => c.line), ...good.slice(2)], 'hostile.ndjson');
}

describe('hostile input', () => {
  it('given the corpus, then it holds at least 100 records, a third of them generated, of every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(corpus.filter((c) => c.name.startsWith('generated:')).length).toBeGreaterThanOrEqual(35);
    expect(new Set(corpus.map((c) => c.kind))).toEqual(new Set(['malformed', 'not-okta', 'foreign', 'out-of-range']));
  });

  it.each(corpus.filter((c) => c.kind !== 'out-of-range').map((c) => [c.name, c] as const))('given %s, when taken in, then it is set aside with its reason', (_name, c) => {
    const rules = intakeRules(settingsOf(tenantById(TENANT)));
    const v = /[\u0000\uFFFD]/.test(c.line) ? { kind: 'malformed', reason: 'binary data' } : intakeText(c.line, rules);
    expect(v.kind).toBe(c.kind);
    expect('reason' in v && v.reason).toMatch(c.reason);
  });

  it('given the corpus between the events of an attack, when `vigil detect` reads it, then every bad line is counted by kind and the attack is found', async () => {
    const io = capture();

    expect(await detectCommand({ input: corpusFile(), json: true, tenant: TENANT }, io)).toBe(0);

    expect(io.stdout.map((l) => JSON.parse(l).detectionId)).toEqual(['okta-mfa-push-fatigue']);
    const report = io.stderr.join('\n');
    expect(report).toContain(
      `${corpus.length + 4} records: 4 events, 0 duplicates, ${count('malformed')} malformed (2 binary), ${count('not-okta')} not Okta, ${count('foreign')} of another org, ${count('out-of-range')} out of range; ${corpus.length} problems:`,
    );
  });

  it('given the same file, when `vigil simulate` runs it, then the records EventBridge carries reach ingest and are quarantined, the rest are never delivered, only the day is run and the attack is notified', async () => {
    const io = capture();

    expect(await simulateCommand({ input: corpusFile(), json: true, tenant: TENANT }, io)).toBe(0);

    expect(io.stdout.map((l) => JSON.parse(l).detectionId)).toEqual(['okta-mfa-push-fatigue']);
    const report = io.stderr.join('\n');
    // Quarantined: malformed records that are text under 256 KB, and other orgs' events; never delivered: binary, too large, out of range.
    const tooLarge = corpus.filter((c) => Buffer.byteLength(c.line) > 256 * 1024).length;
    const undeliverable = 2 + tooLarge + count('out-of-range');
    expect(report).toContain(`${count('malformed') - 2 - tooLarge + count('foreign')} records quarantined by ingest, 0 messages dead-lettered; ${undeliverable} never delivered`);
    expect(Number(/(\d+) hourly runs \(0 failed/.exec(report)?.[1])).toBeLessThan(48);
    expect(report).toMatch(/SNS \[high\] Vigil acme: MFA push fatigue/);
  });

  it('given the records EventBridge would carry, when put on the bus of the pipeline among an attack, then ingest quarantines each with its reason and the hourly run finds the attack', async () => {
    const tenant = tenantById(TENANT);
    const onTheBus = corpus.filter((c) => c.onTheBus).map((c) => ({ c, event: JSON.parse(c.line) as unknown }));
    const toIngest = onTheBus.filter(({ event }) => matches(ingestPattern(), event));
    const pipeline = await LocalPipeline.start(tenant);
    try {
      const good = attack().map((e) => envelope(e, { source: SOURCE }));
      await pipeline.put(good[0]);
      for (const { event } of onTheBus) await pipeline.put(event);
      for (const e of good.slice(1)) await pipeline.put(e);
      await pipeline.drain();

      const run = await pipeline.runHourly('2026-11-02T10:15:00Z');

      expect(run.status).toBe('SUCCEEDED');
      expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', events: 4, findings: 1 }] });
      const day = new Date().toISOString().slice(0, 10);
      const q = await pipeline.ddb.send(new QueryCommand({ TableName: pipeline.tables.events, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': quarantinePk(day) } }));
      const reasons = (q.Items ?? []).map((i) => String(i.reason));
      expect(reasons).toHaveLength(toIngest.length);
      for (const { c } of toIngest) expect([c.name, reasons.some((r) => r.startsWith(`${c.kind}: `) && c.reason.test(r))]).toEqual([c.name, true]);
    } finally {
      await pipeline.close();
    }
  });
});

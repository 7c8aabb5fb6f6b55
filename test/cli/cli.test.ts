import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectCommand, detectionsCommand, initTenantCommand, simulateCommand } from '../../cli/commands';
import { startReplayInput } from '../../src/ops/replay-aws';
import { catalog } from '../../src/detections/catalog';
import { loadTenants } from '../../src/tenants/load';
import { envelope, logEvent, minutes, person, PLACES, userActor, withQuirks } from '../../src/okta/fixtures';
import { capture, ndjsonFile } from '../cli-support';

/** A file with a push-fatigue attack (bare LogEvents and envelopes mixed), quirks, junk and a duplicate. */
function eventFile(): string {
  const v = person('pat@acme.example');
  const pushes = [0, 1, 2, 3].map((n) =>
    logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes('2026-11-02T09:00:00Z', n), actor: userActor(v), place: PLACES.moscow, outcome: 'FAILURE' }),
  );
  const lines = [
    JSON.stringify(pushes[0]),
    JSON.stringify(envelope(pushes[1], { source: 'aws.partner/okta.com/acme/vigil-acme' })),
    JSON.stringify(withQuirks(pushes[2], { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })),
    JSON.stringify(pushes[3]),
    JSON.stringify(pushes[3]),
    '{"this is": not json',
    JSON.stringify({ 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2', detail: {} }),
    JSON.stringify({ ...pushes[0], uuid: 'broken', published: 'yesterday' }),
    '',
  ];
  return ndjsonFile(lines);
}

describe('vigil CLI', () => {
  it('given a file of events, when `vigil detect --json` runs, then stdout is one finding a line and the report goes to stderr', async () => {
    const io = capture();
    expect(await detectCommand({ input: eventFile(), json: true }, io)).toBe(0);
    const findings = io.stdout.map((l) => JSON.parse(l));
    expect(findings).toEqual([
      expect.objectContaining({ detectionId: 'okta-mfa-push-fatigue', severity: 'high', subject: expect.objectContaining({ display: 'pat@acme.example' }), windowStart: '2026-11-02T09:00:00.000Z', eventUuids: expect.any(Array) }),
    ]);
    expect(io.stderr.join('\n')).toMatch(/8 records: 4 events, 1 duplicates, 2 malformed, 1 not Okta/);
  });

  it('given the same file, when `vigil simulate --json` runs the local pipeline, then it finds the same and reports what it set aside', async () => {
    const io = capture();
    expect(await simulateCommand({ input: eventFile(), json: true, tenant: 'acme' }, io)).toBe(0);
    const findings = io.stdout.map((l) => JSON.parse(l));
    expect(findings.map((f) => f.detectionId)).toEqual(['okta-mfa-push-fatigue']);
    expect(findings[0]).toEqual(expect.objectContaining({ severity: 'high', windowStart: expect.any(String), windowEnd: expect.any(String), eventUuids: expect.any(Array), subject: expect.any(Object) }));
    const report = io.stderr.join('\n');
    expect(report).toMatch(/1 duplicates, 2 malformed, 1 not Okta/);
    expect(report).toMatch(/1 matched no rule/);
    expect(report).toMatch(/SNS \[high\] Vigil acme: MFA push fatigue/);
  });

  it('given a detection that throws on one event, when `vigil detect` and `vigil simulate` run, then it still finds on the others, and both name the failing detection and event', async () => {
    const file = eventFile();
    const fatigue = catalog.find((d) => d.id === 'okta-mfa-push-fatigue')!;
    const key = fatigue.key.bind(fatigue);
    let poisoned: string | undefined;
    jest.spyOn(fatigue, 'key').mockImplementation((e, p) => {
      poisoned ??= e.uuid;
      if (e.uuid === poisoned) throw new RangeError('index out of range');
      return key(e, p);
    });
    const detected = capture();
    const simulated = capture();

    try {
      expect(await detectCommand({ input: file, json: true }, detected)).toBe(0);
      expect(await simulateCommand({ input: file, json: true, tenant: 'acme' }, simulated)).toBe(0);
    } finally {
      jest.restoreAllMocks();
    }

    for (const io of [detected, simulated]) expect(io.stdout.map((l) => JSON.parse(l).detectionId)).toEqual(['okta-mfa-push-fatigue']);
    expect(detected.stderr.join('\n')).toContain(`1 detection failures (each skipped that detection on that event only): okta-mfa-push-fatigue on ${poisoned}: index out of range`);
    expect(simulated.stderr.join('\n')).toContain(`hour 2026-11-02T09: 1 detection failures, retried each run until they pass (okta-mfa-push-fatigue on ${poisoned}: index out of range)`);
  });

  it('given the catalog, when `vigil detections --json` runs, then every detection is listed with its defaults', () => {
    const io = capture();
    detectionsCommand({ json: true }, io);
    const rows = io.stdout.map((l) => JSON.parse(l));
    expect(rows).toHaveLength(catalog.length);
    expect(rows[0]).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), severity: expect.any(String), technique: expect.any(String), mode: expect.any(String), eventTypes: expect.any(Array), defaults: expect.any(Object) }));
  });

  it('given a tenant and a range, when a replay is requested, then it replays the tenant archive into its own bus, through the ingest rule only', () => {
    const [acme] = loadTenants('tenants');
    const r = startReplayInput(acme, { name: 'r1', from: Date.parse('2026-11-02T09:00:00Z'), to: Date.parse('2026-11-02T12:00:00Z') });
    expect(r.EventSourceArn).toBe('arn:aws:events:us-east-1:111111111111:archive/vigil-acme-okta');
    expect(r.Destination).toEqual({
      Arn: 'arn:aws:events:us-east-1:111111111111:event-bus/aws.partner/okta.com/acme/vigil-acme',
      FilterArns: ['arn:aws:events:us-east-1:111111111111:rule/aws.partner/okta.com/acme/vigil-acme/vigil-acme-ingest'],
    });
  });
});

describe('vigil tenants init', () => {
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'vigil-init-'));
    writeFileSync(join(d, 'acme.json'), JSON.stringify({ id: 'acme', okta: { org: 'acme', eventSourceName: 'vigil-acme' }, aws: { accountId: '111111111111', region: 'us-east-1' } }));
    return d;
  };

  it('given valid answers, when a tenant is initialised, then its file loads with the others', () => {
    const d = dir();
    expect(initTenantCommand({ id: 'initech', org: 'initech', account: '333333333333', region: 'us-west-2', email: 'soc@initech.example', tenantsDir: d }, capture())).toBe(0);
    expect(loadTenants(d).map((t) => t.id)).toEqual(['acme', 'initech']);
  });

  it('given a bad account id, when a tenant is initialised, then nothing is written and the error names field and rule', () => {
    const d = dir();
    expect(() => initTenantCommand({ id: 'initech', org: 'initech', account: '3', region: 'us-west-2', tenantsDir: d }, capture())).toThrow(/field aws.accountId: must be a 12-digit AWS account id/);
    expect(loadTenants(d)).toHaveLength(1);
  });

  it('given an event source another tenant uses, when a tenant is initialised, then it is refused', () => {
    expect(() => initTenantCommand({ id: 'acme-two', org: 'acme', account: '333333333333', region: 'us-west-2', sourceName: 'vigil-acme', tenantsDir: dir() }, capture())).toThrow(/already uses this id or event source/);
  });
});

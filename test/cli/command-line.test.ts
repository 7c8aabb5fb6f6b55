/** The `vigil` command as a user runs it: spawned, from any directory, piped, on bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';

const ROOT = resolve(__dirname, '../..');
const VIGIL = join(ROOT, 'bin/vigil.cjs');
const SLOW = 240_000;

function vigil(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.VIGIL_TENANTS_DIR) delete env.VIGIL_TENANTS_DIR;
  const r = spawnSync(process.execPath, [VIGIL, ...args], { cwd: options.cwd ?? tmpdir(), env, input: options.input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cmd-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const initech = { id: 'initech', okta: { org: 'initech', eventSourceName: 'vigil-initech' }, aws: { accountId: '333333333333', region: 'us-west-2' } };

/** Four rejected pushes for one user: MFA push fatigue, unless the tenant turns it off. */
function pushFatigue(): string {
  const v = person('pat@acme.example');
  return [0, 1, 2, 3]
    .map((n) => JSON.stringify(logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes('2026-11-02T09:00:00Z', n), actor: userActor(v), place: PLACES.moscow, outcome: 'FAILURE' })))
    .join('\n');
}

describe('vigil, spawned', () => {
  it('given the package, when `vigil --version` runs, then it prints the package version', () => {
    const { code, stdout } = vigil(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('given a long output, when it is piped into `head`, then vigil ends quietly with no EPIPE trace', () => {
    const dir = scratch();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${VIGIL}" generate --benign 2>err.txt | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).not.toMatch(/EPIPE|at .*\(node:/);
  });

  it('given any working directory, when tenants are listed, then the project tenants are found; VIGIL_TENANTS_DIR and --tenants-dir choose others', () => {
    const mine = scratch({ 'initech.json': JSON.stringify(initech) });
    expect(vigil(['tenants', 'validate'], { cwd: scratch() }).stdout).toMatch(/^ok {2}acme .*\nok {2}globex /);
    expect(vigil(['tenants', 'validate'], { env: { VIGIL_TENANTS_DIR: mine } }).stdout).toMatch(/^ok {2}initech /);
    expect(vigil(['tenants', 'validate', '--tenants-dir', '.'], { cwd: mine }).stdout).toMatch(/^ok {2}initech /);
    expect(vigil(['onboard', '--tenant', 'initech', '--tenants-dir', mine]).stdout).toMatch(/Onboarding initech/);
  });

  it('given a tenant that does not exist, when `vigil cost` runs, then its module loads and vigil names the known tenants', () => {
    const { code, stderr } = vigil(['cost', '--tenant', 'nosuch']);
    expect(stderr).toMatch(/no tenant "nosuch"; known tenants: acme/);
    expect(code).toBe(2);
  });

  it('given an empty file, when it is detected, then vigil says so and exits 1', () => {
    const { code, stderr } = vigil(['detect', '--input', join(scratch({ 'empty.ndjson': '' }), 'empty.ndjson')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no records in .*empty\.ndjson \(empty\)/);
  });

  it('given a file of twelve broken lines, when it is simulated, then vigil counts them, shows ten, says "2 more" and exits 1 without starting the pipeline', () => {
    const dir = scratch({ 'bad.ndjson': Array.from({ length: 12 }, (_, n) => `{"broken": ${n}`).join('\n') });
    const { code, stderr } = vigil(['simulate', '--input', 'bad.ndjson'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/12 records: 0 events, 0 duplicates, 12 malformed, 0 not Okta; 12 problems:/);
    expect(stderr.match(/line \d+: malformed/g)).toHaveLength(10);
    expect(stderr).toMatch(/\.\.\. and 2 more/);
  });

  it('given a binary file, when it is detected, then vigil exits 1 and never echoes its bytes', () => {
    const secret = 'SECRET-BYTES-7f3a';
    const blob = Buffer.concat([Buffer.from([0, 159, 146, 150, 0]), Buffer.from(`{"uuid":"${secret}"`), Buffer.from([0xff, 0xfe, 10, 0, 1, 2])]);
    const { code, stderr, stdout } = vigil(['detect', '--input', join(scratch({ 'blob.bin': blob }), 'blob.bin')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/2 malformed \(2 binary\)/);
    expect(stderr + stdout).not.toContain(secret);
    expect(stderr).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
  });

  it('given stderr is not a terminal, when detect runs, then stderr carries the report and no progress line', () => {
    const { code, stderr } = vigil(['detect', '--json', '--input', '-'], { input: pushFatigue() });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/\r|detect: /);
  });

  it('given a terminal, when detect runs, then progress by records shows on it', () => {
    const file = join(scratch({ 'events.ndjson': pushFatigue() }), 'events.ndjson');
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${VIGIL}" detect --input "${file}"`, '/dev/null'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/detect: \d+ records, \d+ findings, \d+ records\/s/);
  });

  it(
    'given a terminal, when simulate and generate run, then simulate shows progress hour by hour with events per second and generate by records',
    () => {
      const dir = scratch({ 'events.ndjson': pushFatigue() });
      const tty = (command: string) => spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
      expect(tty(`"${process.execPath}" "${VIGIL}" simulate --input events.ndjson`)).toMatch(/simulate: 2026-11-02 \d\d:\d\d {2}\d+ events delivered, \d+ events\/s/);
      expect(tty(`"${process.execPath}" "${VIGIL}" generate --benign --users 100 > day.ndjson`)).toMatch(/generate: \d+ of \d+ records/);
    },
    SLOW,
  );

  it(
    'given a tenant that turns a detection off and no --tenant, when detect and simulate run on the same file, then both use that tenant and find the same',
    () => {
      const tenants = scratch({ 'initech.json': JSON.stringify({ ...initech, detections: { 'okta-mfa-push-fatigue': { enabled: false } } }) });
      const file = join(scratch({ 'events.ndjson': pushFatigue() }), 'events.ndjson');
      const detect = vigil(['detect', '--json', '--input', file, '--tenants-dir', tenants]);
      const simulate = vigil(['simulate', '--json', '--input', file, '--tenants-dir', tenants]);
      expect([detect.code, simulate.code]).toEqual([0, 0]);
      expect(detect.stderr).toMatch(/^tenant initech:/);
      expect(simulate.stderr).toMatch(/^tenant initech:/);
      expect(detect.stdout).toBe('');
      expect(simulate.stdout).toBe('');
    },
    SLOW,
  );

  it(
    "given a generated day as Okta delivers it, when it is simulated, then late events make hours reprocessed and the findings are detect's",
    () => {
      const dir = scratch();
      const gen = vigil(['generate', '--users', '100', '--seed', '7'], { cwd: dir });
      expect(gen.code).toBe(0);
      const late = gen.stdout
        .trim()
        .split('\n')
        .flatMap((l) => (l.endsWith('}') ? [JSON.parse(l) as { time: string; detail: { published?: string } }] : []))
        .filter((e) => Date.parse(e.time) - Date.parse(e.detail.published ?? e.time) > 20 * 60_000);
      expect(late.length).toBeGreaterThan(0);
      writeFileSync(join(dir, 'day.ndjson'), gen.stdout);
      const simulate = vigil(['simulate', '--json', '--input', 'day.ndjson'], { cwd: dir });
      const detect = vigil(['detect', '--json', '--input', 'day.ndjson'], { cwd: dir });
      expect(simulate.code).toBe(0);
      expect(simulate.stderr).toMatch(/[1-9]\d* reprocessed for late events/);
      expect(simulate.stderr).toMatch(/\d+ duplicates, 2 malformed, 1 not Okta/);
      const ids = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l).detectionId).sort();
      expect(ids(simulate.stdout)).toEqual(ids(detect.stdout));
      expect(ids(simulate.stdout)).toContain('okta-mfa-push-fatigue');
    },
    SLOW,
  );
});

/**
 * The app (main.ts): one stack per tenant file, state backend from the environment, and the errors a
 * user can cause (a broken tenant file, a missing bundle, a half-configured backend) reported by main
 * as a message and a non-zero exit, with nothing synthesized.
 */
import { Testing } from 'cdktf';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, main } from '../../main';
import { LAMBDAS } from '../../src/pipeline/lambdas';
import { EXAMPLE_TENANTS_DIR, ROOT, stubBundles } from './support';

function tenantsDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-tenants-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

const validTenant = {
  id: 'initech',
  okta: { org: 'initech', eventSourceName: 'vigil' },
  aws: { accountId: '333333333333', region: 'us-west-2' },
};

function runMain(options: Parameters<typeof main>[0]) {
  const lines: string[] = [];
  const outdir = mkdtempSync(join(tmpdir(), 'vigil-out-'));
  const code = main({ app: Testing.app({ outdir }), stderr: (l) => lines.push(l), stackProps: { bundleDir: stubBundles() }, ...options });
  return { code, stderr: lines.join('\n'), outdir };
}

describe('main', () => {
  it('given the example tenants, when the app is built, then there is one stack tenant-<id> per tenant file', () => {
    const { stacks } = buildApp({ tenantsDir: EXAMPLE_TENANTS_DIR, env: {}, app: Testing.app(), stackProps: { bundleDir: stubBundles() } });
    expect(stacks.map((s) => s.node.id)).toEqual(['tenant-acme', 'tenant-globex']);
  });

  it('given VIGIL_TENANTS_DIR, when the app is built, then the tenants come from there', () => {
    const dir = tenantsDir({ 'initech.json': validTenant });
    const { stacks } = buildApp({ env: { VIGIL_TENANTS_DIR: dir }, app: Testing.app(), stackProps: { bundleDir: stubBundles() } });
    expect(stacks.map((s) => s.node.id)).toEqual(['tenant-initech']);
  });

  it('given VIGIL_TENANTS naming one tenant, when the app is built, then only its stack is created', () => {
    const { stacks } = buildApp({ tenantsDir: EXAMPLE_TENANTS_DIR, env: { VIGIL_TENANTS: ' globex ' }, app: Testing.app(), stackProps: { bundleDir: stubBundles() } });
    expect(stacks.map((s) => s.node.id)).toEqual(['tenant-globex']);
  });

  it('given VIGIL_TENANTS naming an unknown tenant, when main runs, then it names it and the known tenants, exits 1 and synthesizes nothing', () => {
    const { code, stderr, outdir } = runMain({ tenantsDir: EXAMPLE_TENANTS_DIR, env: { VIGIL_TENANTS: 'acme,initec' } });
    expect(code).toBe(1);
    expect(stderr).toBe('VIGIL_TENANTS names a tenant with no tenant file: initec. Known tenants: acme, globex.');
    expect(readdirSync(join(outdir, 'stacks'))).toEqual([]);
  });

  it('given VIGIL_TENANTS naming a valid tenant and another file breaking a rule, when main runs, then the broken file still fails the synth', () => {
    const dir = tenantsDir({ 'initech.json': validTenant, 'other.json': { ...validTenant, id: 'other' } });
    const { code, stderr } = runMain({ tenantsDir: dir, env: { VIGIL_TENANTS: 'initech' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/other\.json: tenant "other": field okta\.eventSourceName: duplicate event source/);
  });

  it('given a valid tenant, when main runs, then it writes the stack and one code archive per function', () => {
    const dir = tenantsDir({ 'initech.json': validTenant });
    const { code, stderr, outdir } = runMain({ tenantsDir: dir, env: {} });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const stackDir = join(outdir, 'stacks', 'tenant-initech');
    const config = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    const archives = Object.values(config.resource.aws_lambda_function).map((f) => (f as { filename: string }).filename);
    expect(archives).toHaveLength(Object.keys(LAMBDAS).length);
    for (const archive of archives) expect(statSync(join(stackDir, archive)).size).toBeGreaterThan(0);
  });

  it('given a tenant file breaking a rule, when main runs, then it names the file, tenant, field and rule, exits 1 and synthesizes nothing', () => {
    const dir = tenantsDir({ 'initech.json': { ...validTenant, archive: { retentionDays: 5000 } }, 'ok.json': { ...validTenant, id: 'okco', okta: { org: 'okco', eventSourceName: 'vigil' } } });
    const { code, stderr, outdir } = runMain({ tenantsDir: dir, env: {} });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid tenant configuration');
    expect(stderr).toMatch(/initech\.json: tenant "initech": field archive\.retentionDays: must be at most 3650 days/);
    expect(readdirSync(outdir)).not.toContain('manifest.json');
    expect(existsSync(join(outdir, 'stacks')) ? readdirSync(join(outdir, 'stacks')) : []).toEqual([]);
  });

  it('given an unknown detection override, when main runs, then the catalog rule is reported with its path', () => {
    const dir = tenantsDir({ 'initech.json': { ...validTenant, detections: { 'no-such-detection': { enabled: false } } } });
    const { code, stderr } = runMain({ tenantsDir: dir, env: {} });
    expect(code).toBe(1);
    expect(stderr).toMatch(/initech\.json: tenant "initech": field detections\.no-such-detection: unknown detection "no-such-detection"/);
  });

  it('given a file that is not JSON, when main runs, then the file is named', () => {
    const dir = tenantsDir({ 'broken.json': '{ "id": ' });
    const { code, stderr } = runMain({ tenantsDir: dir, env: {} });
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json: tenant \(unknown id\): field \(file\): is not valid JSON/);
  });

  it('given no bundles, when main runs, then it says to build the functions and exits 1', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vigil-nobundles-'));
    const { code, stderr } = runMain({ tenantsDir: EXAMPLE_TENANTS_DIR, env: {}, stackProps: { bundleDir: empty } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Lambda bundle for "ingest" not found at .*ingest\/index\.mjs: run `npm run build:functions` first/);
  });

  it('given a state bucket without a region, when main runs, then it asks for the region and exits 1', () => {
    const { code, stderr } = runMain({ tenantsDir: EXAMPLE_TENANTS_DIR, env: { VIGIL_STATE_BUCKET: 'vigil-state' } });
    expect(code).toBe(1);
    expect(stderr).toContain('VIGIL_STATE_REGION');
  });

  it('given a state bucket and region, when the app is built, then each tenant has its own encrypted, lock-file-locked S3 state', () => {
    const { stacks } = buildApp({
      tenantsDir: EXAMPLE_TENANTS_DIR,
      env: { VIGIL_STATE_BUCKET: 'vigil-state', VIGIL_STATE_REGION: 'eu-central-1' },
      app: Testing.app(),
      stackProps: { bundleDir: stubBundles() },
    });
    const backends = stacks.map((s) => JSON.parse(Testing.synth(s)).terraform.backend);
    expect(backends).toEqual(
      ['acme', 'globex'].map((id) => ({ s3: { bucket: 'vigil-state', key: `vigil/tenant-${id}.tfstate`, region: 'eu-central-1', encrypt: true, use_lockfile: true } })),
    );
  });

  it('given a broken tenants directory, when main.ts runs as a program, then it prints the problem and exits non-zero', () => {
    const dir = tenantsDir({ 'initech.json': { ...validTenant, aws: { accountId: '12345', region: 'us-west-2' } } });
    const outdir = mkdtempSync(join(tmpdir(), 'vigil-out-'));
    copyFileSync(join(ROOT, 'cdktf.json'), join(outdir, 'cdktf.json'));
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'main.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VIGIL_TENANTS_DIR: dir, CDKTF_OUTDIR: outdir },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/initech\.json: tenant "initech": field aws\.accountId: must be a 12-digit AWS account id, as a string/);
    expect(existsSync(join(outdir, 'stacks'))).toBe(false);
  });
});

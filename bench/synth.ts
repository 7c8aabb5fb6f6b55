/**
 * Synth at scale: the wall time and peak memory (RSS) of synthesizing 10, 100 and 1,000 generated tenant
 * stacks, each in a new process as `npm run synth` runs the app (tsx main.ts), with the functions bundled
 * once beforehand. Run alone with `npx tsx bench/synth.ts [tenants...]`; `npm run bench` runs it too.
 *
 * Generated tenants spread over accounts of at most TENANTS_PER_ACCOUNT (EventBridge's bus quota) and
 * two regions, with findings and operations subscribers and a detection override on every third.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'cdktf';
import { main } from '../main';
import type { z } from 'zod';
import type { tenantSchema } from '../src/tenants/schema';
import type { Row } from './table';

const ROOT = resolve(__dirname, '..');
/** Tenants per generated account: under EventBridge's default quota of 100 event buses. */
export const TENANTS_PER_ACCOUNT = 50;
export const DEFAULT_COUNTS = [10, 100, 1000];

/** Tenant files for `count` tenants in `dir`. */
export function writeTenants(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(4, '0')}`;
    const account = String(100000000000 + Math.floor(i / TENANTS_PER_ACCOUNT));
    const region = i % 2 ? 'eu-west-1' : 'us-east-1';
    const tenant: z.input<typeof tenantSchema> = {
      id,
      okta: { org: id, eventSourceName: 'vigil' },
      aws: { accountId: account, region, assumeRoleArn: `arn:aws:iam::${account}:role/VigilDeploy` },
      notifications: { subscriptions: [{ protocol: 'email', endpoint: `soc@${id}.example`, minSeverity: 'high' }] },
      operations: { subscriptions: [{ protocol: 'sqs', endpoint: `arn:aws:sqs:${region}:${account}:vigil-ops` }] },
      detections: i % 3 === 0 ? { 'okta-brute-force-user': { params: { threshold: 10 + (i % 7) } } } : {},
    };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(tenant, null, 2));
  }
}

export interface SynthRun {
  readonly tenants: number;
  /** Wall time of the process, start to exit. */
  readonly seconds: number;
  /** Peak resident memory of the process. */
  readonly peakRssMb: number;
  readonly stacks: number;
}

/** Synthesize the tenants of `tenantsDir` in a new process; returns its time and peak memory. */
export function synthInChild(tenantsDir: string, bundleDir: string, tenants: number): SynthRun {
  const outdir = mkdtempSync(join(tmpdir(), 'vigil-bench-out-'));
  const started = process.hrtime.bigint();
  const child = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [__filename, '--child', tenantsDir, bundleDir, outdir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`synth of ${tenants} tenants failed (${child.status}): ${child.stderr}`);
  const { peakRssMb } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { peakRssMb: number };
  const stacks = readdirSync(join(outdir, 'stacks')).length;
  rmSync(outdir, { recursive: true, force: true });
  if (stacks !== tenants) throw new Error(`synth of ${tenants} tenants wrote ${stacks} stacks`);
  return { tenants, seconds, peakRssMb, stacks };
}

/** Bundle once (as `npm run build:functions` does), then synthesize each count of generated tenants. */
export function benchSynth(counts: readonly number[] = DEFAULT_COUNTS): SynthRun[] {
  const work = mkdtempSync(join(tmpdir(), 'vigil-bench-synth-'));
  try {
    const bundleDir = join(work, 'functions');
    const bundled = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'bundle.ts'), bundleDir], { cwd: ROOT, encoding: 'utf8' });
    if (bundled.status !== 0) throw new Error(`bundling failed: ${bundled.stderr}`);
    return counts.map((n) => {
      const dir = join(work, `tenants-${n}`);
      writeTenants(dir, n);
      return synthInChild(dir, bundleDir, n);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The bench's rows: one per count of tenants. */
export function synthRows(counts: readonly number[] = DEFAULT_COUNTS): Row[] {
  return benchSynth(counts).map((r): Row => [
    `synth ${r.tenants} tenant stacks (new process)`,
    `${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (${((r.seconds / r.stacks) * 1000).toFixed(0)} ms per stack)`,
  ]);
}

if (require.main === module) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === '--child') {
    // The app as main.ts runs it, into a given outdir with given bundles.
    const [tenantsDir, bundleDir, outdir] = args;
    const code = main({ tenantsDir, env: {}, app: new App({ outdir }), stackProps: { bundleDir } });
    console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    process.exitCode = code;
  } else {
    const counts = [mode, ...args].filter(Boolean).map(Number);
    for (const [k, v] of synthRows(counts.length ? counts : DEFAULT_COUNTS)) console.log(`  ${k}  ${v}`);
  }
}

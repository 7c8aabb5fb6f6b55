/** The GitHub workflows, parsed, so that they cannot rot silently: pins, permissions, concurrency, safe inputs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { SHARED_DEPLOY_PATHS, TENANTS_PATH } from '../../scripts/affected-tenants';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  environment?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  'timeout-minutes'?: number;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = resolve(__dirname, '../../.github/workflows');
const workflows: Record<string, Workflow> = Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.yml')).map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8')) as Workflow]));
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const ci = workflows['ci.yml'];
const deploy = workflows['deploy.yml'];

describe('workflows', () => {
  it.each(Object.keys(workflows))('given %s, when its actions are read, then every one is pinned by a full commit SHA', (name) => {
    const uses = steps(workflows[name]).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
  });

  it.each(Object.keys(workflows))('given %s, when its shell steps are read, then no expression is pasted into them (inputs reach commands through env)', (name) => {
    for (const s of steps(workflows[name])) if (s.run) expect(s.run).not.toContain('${{');
  });

  it.each(Object.keys(workflows))('given %s, when its permissions are read, then the workflow may only read contents and each job asks only for what it uses', (name) => {
    const w = workflows[name];
    expect(w.permissions).toEqual({ contents: 'read' });
    const allowedWrites = new Set(['id-token', 'pull-requests']);
    for (const job of Object.values(w.jobs)) {
      for (const [scope, level] of Object.entries(job.permissions ?? {})) if (level === 'write') expect(allowedWrites).toContain(scope);
      const usesAws = job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(job.permissions?.['id-token'] === 'write').toBe(usesAws);
      expect(job['timeout-minutes']).toBeGreaterThan(0);
    }
  });

  it('given CI, when it is read, then runs of one branch or pull request share a concurrency group and old ones are cancelled', () => {
    expect(ci.concurrency?.group).toMatch(/pull_request\.number \|\| github\.ref/);
    expect(ci.concurrency).toEqual(expect.objectContaining({ 'cancel-in-progress': true }));
  });

  it('given CI, when it is read, then it tests, synthesizes, validates every stack and plans each affected tenant with the deploy role', () => {
    expect(ci.on).toEqual(expect.objectContaining({ pull_request: null }));
    const synth = ci.jobs.synth.steps.map((s) => s.run ?? '').join('\n');
    expect(synth).toMatch(/npm run synth[\s\S]*scripts\/validate-stacks\.ts/);
    expect(synth).toMatch(/scripts\/affected-tenants\.ts --base/);
    const plan = ci.jobs.plan;
    expect(plan.strategy).toEqual(expect.objectContaining({ 'fail-fast': false, matrix: { tenant: '${{ fromJSON(needs.synth.outputs.tenants) }}' } }));
    expect(plan.steps.map((s) => s.run ?? '').join('\n')).toMatch(/cdktf diff "tenant-\$TENANT" --skip-synth[\s\S]*GITHUB_STEP_SUMMARY[\s\S]*gh pr comment/);
    const role = (j: Job) => j.steps.find((s) => s.uses?.startsWith('aws-actions/'))?.with?.['role-to-assume'];
    expect(role(plan)).toBe(role(deploy.jobs.deploy));
  });

  it('given deploy, when it is read, then each tenant deploys in its own job, concurrency group and environment, from the planned artifact', () => {
    const job = deploy.jobs.deploy;
    expect(job.strategy).toEqual(expect.objectContaining({ 'fail-fast': false, matrix: { tenant: '${{ fromJSON(needs.prepare.outputs.tenants) }}' } }));
    expect(job.concurrency).toEqual({ group: 'deploy-tenant-${{ matrix.tenant }}', 'cancel-in-progress': false });
    expect(job.environment).toBe('tenant-${{ matrix.tenant }}');
    expect(job.steps.map((s) => s.run ?? '').join('\n')).toMatch(/npx cdktf deploy "tenant-\$TENANT" --skip-synth --auto-approve/);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with).toEqual(expect.objectContaining({ 'run-id': '${{ needs.prepare.outputs.run-id }}' }));
  });

  it('given deploy, when its push filter is read, then it covers the tenant files and everything shared that is deployed', () => {
    const paths = (deploy.on.push as { paths: string[] }).paths;
    const expected = [TENANTS_PATH, ...SHARED_DEPLOY_PATHS].map((p) => (p.endsWith('/') ? `${p}**` : p));
    expect([...paths].sort()).toEqual([...expected].sort());
  });

  it('given deploy by hand, when its input is read, then it only reaches the tenant check, through env', () => {
    const input = (deploy.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs.tenants;
    expect(input.type).toBe('string');
    const uses = steps(deploy).filter((s) => Object.values(s.env ?? {}).some((v) => v.includes('inputs.')));
    expect(uses).toHaveLength(1);
    expect(uses[0].run).toMatch(/affected-tenants\.ts --requested "\$\{REQUESTED:-all\}"/);
  });

  it('given every workflow, when Terraform is set up, then it is the one pinned version', () => {
    const versions = Object.values(workflows).flatMap((w) => steps(w).filter((s) => s.uses?.startsWith('hashicorp/setup-terraform@')).map((s) => String(s.with?.terraform_version).replace('${{ env.TERRAFORM_VERSION }}', w.env?.TERRAFORM_VERSION ?? 'unpinned')));
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([ci.env?.TERRAFORM_VERSION]));
    expect(ci.env?.TERRAFORM_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

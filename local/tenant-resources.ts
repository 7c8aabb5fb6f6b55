/**
 * What a tenant's stack deploys, counted by Terraform resource type: the stack is built in memory (no
 * synth) against empty stand-in bundles, so the fixed monthly cost follows the stack as it changes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, TerraformResource } from 'cdktf';
import { bundleFile } from '../src/pipeline/bundles';
import { LAMBDAS } from '../src/pipeline/lambdas';
import type { Tenant } from '../src/tenants/schema';
import { TenantStack } from '../stacks/tenant-stack';

export function tenantResources(tenant: Tenant): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-resources-'));
  try {
    const bundles = join(dir, 'bundles');
    for (const fn of Object.keys(LAMBDAS)) {
      const file = bundleFile(bundles, fn);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
    const stack = new TenantStack(new App({ outdir: join(dir, 'out') }), { tenant, bundleDir: bundles });
    const counts: Record<string, number> = {};
    for (const c of stack.node.findAll()) if (c instanceof TerraformResource) counts[c.terraformResourceType] = (counts[c.terraformResourceType] ?? 0) + 1;
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

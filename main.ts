/**
 * The CDK for Terraform app: one stack `tenant-<id>` per tenant file in `tenants/` (or
 * `VIGIL_TENANTS_DIR`). `npm run synth` bundles the functions and synthesizes JSON into cdktf.out;
 * `npm run synth:hcl` writes formatted HCL instead. See stacks/backend.ts for where state lives.
 *
 * `VIGIL_TENANTS=acme,globex` synthesizes only those tenants' stacks (CI on a change to one tenant
 * file); every tenant file is still loaded and validated (event sources must stay unique across files).
 *
 * A broken tenant file (or an unknown tenant in VIGIL_TENANTS, a missing bundle, a half-set state
 * backend) prints what is wrong and exits non-zero: nothing is synthesized.
 */
import { App } from 'cdktf';
import { loadTenants, TenantConfigError, tenantsDir } from './src/tenants/load';
import { stateBackendFromEnv } from './stacks/backend';
import { SynthConfigError } from './stacks/errors';
import { TenantStack, type TenantStackProps } from './stacks/tenant-stack';
import { withoutTokenTraces } from './stacks/token-traces';
import type { Tenant } from './src/tenants/schema';

/** The environment variable naming the tenants to synthesize, by id, separated by commas. */
export const TENANTS_ENV = 'VIGIL_TENANTS';

/** The tenants a selection (comma-separated ids) names, in file order; all of them when it is unset or blank. */
export function selectTenants(tenants: readonly Tenant[], selection: string | undefined): Tenant[] {
  const ids = (selection ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (!ids.length) return [...tenants];
  const known = new Set(tenants.map((t) => t.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    const shown = [...known].slice(0, 20).join(', ') + (known.size > 20 ? `, ... (${known.size} in all)` : '');
    throw new SynthConfigError(`${TENANTS_ENV} names ${unknown.length === 1 ? 'a tenant' : 'tenants'} with no tenant file: ${unknown.join(', ')}. Known tenants: ${shown || '(none)'}.`);
  }
  const wanted = new Set(ids);
  return tenants.filter((t) => wanted.has(t.id));
}

export interface BuildOptions {
  /** @default VIGIL_TENANTS_DIR, else `tenants` */
  readonly tenantsDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** @default a new App (outdir from CDKTF_OUTDIR, else cdktf.out) */
  readonly app?: App;
  readonly stackProps?: Omit<TenantStackProps, 'tenant' | 'stateBackend'>;
}

/**
 * Load and validate every tenant file and create the stacks of the selected tenants (VIGIL_TENANTS).
 * Throws TenantConfigError on a broken tenant file, SynthConfigError on an unknown selected tenant.
 */
export function buildApp(options: BuildOptions = {}): { app: App; stacks: TenantStack[] } {
  const env = options.env ?? process.env;
  const tenants = selectTenants(loadTenants(tenantsDir(options.tenantsDir, env)), env[TENANTS_ENV]);
  const stateBackend = stateBackendFromEnv(env);
  const app = options.app ?? new App();
  const stacks = tenants.map((tenant) => new TenantStack(app, { ...options.stackProps, tenant, stateBackend }));
  return { app, stacks };
}

/** Synthesize the tenant stacks (without cdktf's token traces: ./stacks/token-traces); returns the exit code. */
export function main(options: BuildOptions & { stderr?: (line: string) => void } = {}): number {
  const stderr = options.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    withoutTokenTraces(() => buildApp(options).app.synth());
    return 0;
  } catch (err) {
    if (err instanceof TenantConfigError || err instanceof SynthConfigError) {
      stderr(err.message);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  process.exitCode = main();
}

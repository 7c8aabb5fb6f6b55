/**
 * The CDK for Terraform app: one stack `tenant-<id>` per tenant file in `tenants/` (or
 * `VIGIL_TENANTS_DIR`). `npm run synth` bundles the functions and synthesizes JSON into cdktf.out;
 * `npm run synth:hcl` writes formatted HCL instead. See stacks/backend.ts for where state lives.
 *
 * A broken tenant file (or a missing bundle, or a half-set state backend) prints what is wrong and exits non-zero: nothing is
 * synthesized.
 */
import { App } from 'cdktf';
import { loadTenants, TenantConfigError, tenantsDir } from './src/tenants/load';
import { stateBackendFromEnv } from './stacks/backend';
import { SynthConfigError } from './stacks/errors';
import { TenantStack, type TenantStackProps } from './stacks/tenant-stack';

export interface BuildOptions {
  /** @default VIGIL_TENANTS_DIR, else `tenants` */
  readonly tenantsDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** @default a new App (outdir from CDKTF_OUTDIR, else cdktf.out) */
  readonly app?: App;
  readonly stackProps?: Omit<TenantStackProps, 'tenant' | 'stateBackend'>;
}

/** Load the tenants and create their stacks. Throws TenantConfigError on a broken tenant file. */
export function buildApp(options: BuildOptions = {}): { app: App; stacks: TenantStack[] } {
  const env = options.env ?? process.env;
  const tenants = loadTenants(tenantsDir(options.tenantsDir, env));
  const stateBackend = stateBackendFromEnv(env);
  const app = options.app ?? new App();
  const stacks = tenants.map((tenant) => new TenantStack(app, { ...options.stackProps, tenant, stateBackend }));
  return { app, stacks };
}

/** Synthesize every tenant stack; returns the exit code. */
export function main(options: BuildOptions & { stderr?: (line: string) => void } = {}): number {
  const stderr = options.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    const { app } = buildApp(options);
    app.synth();
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

/**
 * Where each tenant stack keeps its Terraform state.
 *
 * - `VIGIL_STATE_BUCKET` set: the S3 backend, one state object per tenant
 *   (`vigil/tenant-<id>.tfstate`) in that bucket, in region `VIGIL_STATE_REGION` (required then),
 *   encrypted, with S3-native locking (`use_lockfile`, Terraform >= 1.10; no DynamoDB lock table).
 *   The deploy credentials need access to the bucket; the tenant role (assumeRoleArn) is only for the
 *   tenant's resources.
 * - Otherwise: a local state file `terraform.tenant-<id>.tfstate` in the stack's directory
 *   (cdktf.out/stacks/tenant-<id>/), for the examples and for trying things out. Not for production.
 */
import { LocalBackend, S3Backend, type TerraformBackend, type TerraformStack } from 'cdktf';
import { SynthConfigError } from './errors';

export interface StateBackendSettings {
  /** S3 bucket holding every tenant's state. @default - local state files */
  readonly bucket?: string;
  /** Region of the bucket; required with `bucket`. @default - none */
  readonly region?: string;
}

export const STATE_BUCKET_ENV = 'VIGIL_STATE_BUCKET';
export const STATE_REGION_ENV = 'VIGIL_STATE_REGION';

export function stateBackendFromEnv(env: NodeJS.ProcessEnv = process.env): StateBackendSettings {
  const bucket = env[STATE_BUCKET_ENV]?.trim() || undefined;
  const region = env[STATE_REGION_ENV]?.trim() || undefined;
  if (!bucket && region) throw new SynthConfigError(`${STATE_REGION_ENV} is set but ${STATE_BUCKET_ENV} is not: set both to use the S3 backend, or neither for local state`);
  if (bucket && !region) throw new SynthConfigError(`${STATE_BUCKET_ENV} is set but ${STATE_REGION_ENV} is not: set the region of the state bucket`);
  return { bucket, region };
}

export function stateKey(tenantId: string): string {
  return `vigil/tenant-${tenantId}.tfstate`;
}

export function localStatePath(tenantId: string): string {
  return `terraform.tenant-${tenantId}.tfstate`;
}

export function configureStateBackend(stack: TerraformStack, tenantId: string, settings: StateBackendSettings = {}): TerraformBackend {
  if (settings.bucket) {
    if (!settings.region) throw new SynthConfigError(`the state bucket ${settings.bucket} needs a region (${STATE_REGION_ENV})`);
    const backend = new S3Backend(stack, { bucket: settings.bucket, key: stateKey(tenantId), region: settings.region, encrypt: true });
    // S3-native state locking; cdktf 0.21's S3BackendConfig has no field for it yet.
    backend.addOverride('use_lockfile', true);
    return backend;
  }
  return new LocalBackend(stack, { path: localStatePath(tenantId) });
}

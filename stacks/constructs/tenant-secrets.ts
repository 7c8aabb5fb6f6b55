/**
 * The tenant's secrets (src/pipeline/secrets.ts): each one created empty, encrypted with the tenant's key. Terraform
 * never holds a value (no secret version here, so none is in state): the operator puts it, and only the functions
 * that declare the secret may read it (PipelineFunction).
 */
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { Construct } from 'constructs';
import { SECRETS, type SecretName } from '../../src/pipeline/secrets';
import { checkInteger } from './checks';

export interface TenantSecretsProps {
  readonly tenantId: string;
  /** Secrets Manager name of each secret (from the tenant id, src/pipeline/secrets.ts). */
  secretName(secret: SecretName): string;
  readonly kmsKeyArn: string;
  /** Days a deleted secret can still be restored (7-30). @default 7 */
  readonly recoveryWindowInDays?: number;
}

export class TenantSecrets extends Construct {
  readonly secrets: Readonly<Record<SecretName, SecretsmanagerSecret>>;

  constructor(scope: Construct, id: string, props: TenantSecretsProps) {
    super(scope, id);
    checkInteger(this, 'recoveryWindowInDays', props.recoveryWindowInDays, 7, 30);
    this.secrets = Object.fromEntries(
      Object.values(SECRETS).map((s) => [
        s.name,
        new SecretsmanagerSecret(this, s.name, {
          name: props.secretName(s.name),
          description: `Vigil ${props.tenantId}: ${s.description}`.slice(0, 2048),
          kmsKeyId: props.kmsKeyArn,
          recoveryWindowInDays: props.recoveryWindowInDays ?? 7,
        }),
      ]),
    ) as Record<SecretName, SecretsmanagerSecret>;
  }

  arnOf(secret: SecretName): string {
    return this.secrets[secret].arn;
  }
}

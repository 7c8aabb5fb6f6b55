/**
 * The functions' environment variable names, defined once for the stacks (which set them), the handlers
 * (which read them) and the local runtime (which sets them around each invocation). Nothing secret
 * ever goes here.
 */
import type { SecretName } from './secrets';
import type { TableName } from './tables';

/** Every table variable starts with this; the rest is the table's logical name, upper case. */
export const TABLE_VARIABLE_PREFIX = 'VIGIL_TABLE_';

export const ENV = {
  tenantId: 'VIGIL_TENANT_ID',
  /** JSON of the tenant's detection overrides and schedule settings (no secrets). */
  tenantSettings: 'VIGIL_TENANT_SETTINGS',
  /** Set for the functions that publish findings. */
  topicArn: 'VIGIL_TOPIC_ARN',
  /** Set for each table a function uses: the table's name. */
  table: (t: TableName) => `${TABLE_VARIABLE_PREFIX}${t.toUpperCase()}`,
  /** Set for the functions that use the tenant's bucket (src/pipeline/buckets.ts): the bucket's name. */
  bucket: 'VIGIL_BUCKET',
  /** Set for each secret a function reads (src/pipeline/secrets.ts): the secret's name in Secrets Manager, never its value. */
  secret: (s: SecretName) => `VIGIL_SECRET_${s.toUpperCase().replace(/-/g, '_')}`,
  /** Set for the functions that call the tenant's Okta API: the org's base URL (https://<org domain>). */
  oktaOrgUrl: 'VIGIL_OKTA_ORG_URL',
  /** A Secrets Manager endpoint to use instead of AWS's: only the local runtime sets it (its stand-in, local/secrets.ts). */
  secretsEndpoint: 'VIGIL_SECRETS_ENDPOINT',
  /** A DynamoDB endpoint to use instead of AWS's: only the local runtime sets it. */
  dynamoEndpoint: 'VIGIL_DYNAMODB_ENDPOINT',
  /** An S3 endpoint to use instead of AWS's: only the local runtime sets it. */
  s3Endpoint: 'VIGIL_S3_ENDPOINT',
} as const;

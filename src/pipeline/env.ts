/**
 * The functions' environment variable names, defined once for the stacks (which set them), the handlers
 * (which read them) and the local runtime (which sets them around each invocation). Nothing secret
 * ever goes here.
 */
import type { QueueName } from './queues';
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
  /** Set for each queue a function feeds: the queue's URL. */
  queueUrl: (q: QueueName) => `VIGIL_QUEUE_${q.toUpperCase().replace(/-/g, '_')}_URL`,
  /** Set for the functions that use the tenant's bucket (src/pipeline/buckets.ts): the bucket's name. */
  bucket: 'VIGIL_BUCKET',
  /** A DynamoDB endpoint to use instead of AWS's: only the local runtime sets it. */
  dynamoEndpoint: 'VIGIL_DYNAMODB_ENDPOINT',
  /** An S3 endpoint to use instead of AWS's: only the local runtime sets it. */
  s3Endpoint: 'VIGIL_S3_ENDPOINT',
} as const;

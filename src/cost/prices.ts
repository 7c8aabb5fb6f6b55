/**
 * AWS list prices, us-east-1, on demand, without free tiers: the one table the cost model prices counted
 * requests with (src/cost/bill.ts). Each says what it is per, where it was read and when.
 */

export const GB = 1024 ** 3;
/** Hours in a month as AWS bills resource-months (730 = 8,760 / 12). */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export interface Price {
  /** US dollars for `per` units. */
  readonly usd: number;
  readonly per: number;
  /** What is counted. */
  readonly unit: string;
  readonly source: string;
  /** When the price was read (YYYY-MM-DD). */
  readonly read: string;
}

const READ = '2026-11-29';
const price = (usd: number, per: number, unit: string, source: string): Price => ({ usd, per, unit, source, read: READ });

export const PRICES = {
  partnerEvents: price(1.0, 1e6, 'partner events ingested (per 64 KB chunk)', 'https://aws.amazon.com/eventbridge/pricing/'),
  archiveProcessing: price(0.1, GB, 'GB of events archived (processed)', 'https://aws.amazon.com/eventbridge/pricing/'),
  archiveStorage: price(0.023, GB, 'GB-month of archived events stored', 'https://aws.amazon.com/eventbridge/pricing/'),
  sqsRequests: price(0.4, 1e6, 'SQS standard requests (per 64 KB chunk)', 'https://aws.amazon.com/sqs/pricing/'),
  lambdaRequests: price(0.2, 1e6, 'Lambda requests', 'https://aws.amazon.com/lambda/pricing/'),
  lambdaArmDuration: price(0.0000133334, 1, 'Lambda GB-seconds, arm64 (first 7.5 billion a month)', 'https://aws.amazon.com/lambda/pricing/'),
  dynamoWrites: price(0.625, 1e6, 'DynamoDB on-demand write request units', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  dynamoReads: price(0.125, 1e6, 'DynamoDB on-demand read request units', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  dynamoStorage: price(0.25, GB, 'GB-month of DynamoDB Standard table storage', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  stateTransitions: price(0.025, 1000, 'Step Functions Standard state transitions', 'https://aws.amazon.com/step-functions/pricing/'),
  snsPublishes: price(0.5, 1e6, 'SNS publishes (per 64 KB chunk)', 'https://aws.amazon.com/sns/pricing/'),
  s3Writes: price(0.005, 1000, 'S3 Standard PUT, COPY, POST and LIST requests', 'https://aws.amazon.com/s3/pricing/'),
  s3Reads: price(0.0004, 1000, 'S3 Standard GET, HEAD and other requests', 'https://aws.amazon.com/s3/pricing/'),
  s3Storage: price(0.023, GB, 'GB-month of S3 Standard storage (first 50 TB)', 'https://aws.amazon.com/s3/pricing/'),
  firehoseIngestion: price(0.029, GB, 'GB ingested by Firehose Direct PUT, each record rounded up to 5 KB (first 500 TB)', 'https://aws.amazon.com/firehose/pricing/'),
  kmsKeys: price(1.0, 1, 'KMS customer managed key-months', 'https://aws.amazon.com/kms/pricing/'),
  kmsRequests: price(0.03, 10_000, 'KMS requests', 'https://aws.amazon.com/kms/pricing/'),
  secrets: price(0.4, 1, 'Secrets Manager secret-months', 'https://aws.amazon.com/secrets-manager/pricing/'),
  alarms: price(0.1, 1, 'CloudWatch standard-resolution alarm-months', 'https://aws.amazon.com/cloudwatch/pricing/'),
  logIngestion: price(0.5, GB, 'GB of CloudWatch Logs ingested (standard)', 'https://aws.amazon.com/cloudwatch/pricing/'),
  logStorage: price(0.03, GB, 'GB-month of CloudWatch Logs stored', 'https://aws.amazon.com/cloudwatch/pricing/'),
  schedulerInvocations: price(1.0, 1e6, 'EventBridge Scheduler invocations (after 14 million free a month)', 'https://aws.amazon.com/eventbridge/pricing/'),
  xrayTraces: price(5.0, 1e6, 'X-Ray traces recorded', 'https://aws.amazon.com/xray/pricing/'),
} as const satisfies Record<string, Price>;

export type PriceName = keyof typeof PRICES;

/** Dollars for a quantity of a price's unit. */
export function cost(name: PriceName, quantity: number): number {
  const p = PRICES[name];
  return (quantity / p.per) * p.usd;
}

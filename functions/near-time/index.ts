/**
 * Lambda: near-time rule target. One EventBridge event in, near-time detections, immediate notification.
 * Idempotent on `detail.uuid` (Powertools idempotency, records in the tenant's events table): Okta's
 * duplicate deliveries and archive replays of an event return the first outcome without running again,
 * while a failed run leaves no record, so EventBridge's retry runs it properly.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { clients, type Clients } from '../../src/aws/clients';
import { handlerConfig, table, type HandlerConfig } from '../../src/pipeline/config';
import { handleNearTime, type NearTimeOutcome } from '../../src/pipeline/near-time';

const logger = new Logger({ serviceName: 'vigil-near-time' });

let cached: { key: Clients; tableName: string; run: (event: unknown, context: Context) => Promise<NearTimeOutcome> } | undefined;

function idempotentRun(config: HandlerConfig, c: Clients) {
  const tableName = table(config, 'events');
  if (cached?.key === c && cached.tableName === tableName) return cached.run;
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'IDEMPOTENCY#near-time',
    expiryAttr: 'ttl',
    awsSdkV3Client: c.dynamo,
  });
  const idempotency = new IdempotencyConfig({ eventKeyJmesPath: 'detail.uuid', expiresAfterSeconds: config.settings.retentionDays * 86_400, throwOnNoIdempotencyKey: false });
  // The stored result must be plain JSON (no undefined members): it is what a duplicate gets back.
  const run = makeIdempotent(async (event: unknown, _context: Context) => JSON.parse(JSON.stringify(await handleNearTime(event, config, c.ddb, c.sns))) as NearTimeOutcome, { persistenceStore, config: idempotency });
  cached = { key: c, tableName, run };
  return run;
}

export async function handler(event: unknown, context: Context): Promise<NearTimeOutcome> {
  const config = handlerConfig();
  const outcome = await idempotentRun(config, clients())(event, context);
  if (outcome.status === 'ignored') logger.warn('event set aside', { reason: outcome.reason });
  else if (outcome.findings.length) logger.info('near-time findings', { uuid: outcome.uuid, findings: outcome.findings.map((f) => f.id), published: outcome.published, replay: outcome.replay });
  return outcome;
}

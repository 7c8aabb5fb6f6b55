/**
 * Lambda: S3 notifications of the delivery stream's objects (SQS) -> each object indexed by event-time
 * hour, then its events of near-time types evaluated by the near-time detections and notified at once. A
 * notification that fails is reported alone (Powertools batch partial failures) and retried, then
 * dead-lettered: indexing is safe to repeat, and near-time recognizes what it applied before by the live
 * state it would update (src/pipeline/near-time.ts), so a retry after a failed publish notifies once.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { clients } from '../../src/aws/clients';
import { handlerConfig } from '../../src/pipeline/config';
import { LOG_METRICS } from '../../src/pipeline/log-metrics';
import { ingestObject } from '../../src/pipeline/ingest';
import { evaluateNearTime } from '../../src/pipeline/near-time';
import { objectKeysOf } from '../../src/pipeline/object-notifications';

const logger = new Logger({ serviceName: 'vigil-ingest' });
const processor = new BatchProcessor(EventType.SQS);

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const config = handlerConfig();
  const c = clients();
  const recordHandler = async (record: SQSRecord) => {
    for (const key of objectKeysOf(record.body)) {
      const { stats, nearTime } = await ingestObject(key, config, c.ddb, c.s3);
      logger.info('indexed', { tenant: config.tenantId, key, ...stats });
      if (stats.quarantined) logger.warn('records set aside in quarantine', { key, quarantined: stats.quarantined });
      if (!nearTime.length) continue;
      const outcome = await evaluateNearTime(nearTime, config, c.ddb, c.sns);
      logger.info('near-time', { key, events: outcome.events, duplicates: outcome.duplicates, findings: outcome.findings.map((f) => f.id), published: outcome.published, [LOG_METRICS.detectionFailures.field]: outcome.failures.length });
      for (const f of outcome.failures) logger.error('detection failed', { key, ...f });
    }
  };
  return processPartialResponse(event, recordHandler, processor, { context });
}

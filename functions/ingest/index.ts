/**
 * Lambda: S3 notifications of the delivery stream's objects (SQS) -> each object indexed by event-time
 * hour; an object with events near-time detections read goes on to the near-time queue. A notification
 * that fails is reported alone (Powertools batch partial failures) and retried, then dead-lettered.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { clients } from '../../src/aws/clients';
import { handlerConfig, queueUrl } from '../../src/pipeline/config';
import { ingestObject } from '../../src/pipeline/ingest';
import { objectKeysOf } from '../../src/pipeline/object-notifications';

const logger = new Logger({ serviceName: 'vigil-ingest' });
const processor = new BatchProcessor(EventType.SQS);

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const config = handlerConfig();
  const c = clients();
  const recordHandler = async (record: SQSRecord) => {
    let forward = false;
    for (const key of objectKeysOf(record.body)) {
      const stats = await ingestObject(key, config, c.ddb, c.s3);
      logger.info('indexed', { tenant: config.tenantId, key, ...stats });
      if (stats.quarantined) logger.warn('records set aside in quarantine', { key, quarantined: stats.quarantined });
      forward ||= stats.nearTime > 0;
    }
    if (forward) await c.sqs.send(queueUrl(config, 'near-time-objects'), record.body);
  };
  return processPartialResponse(event, recordHandler, processor, { context });
}

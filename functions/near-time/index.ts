/**
 * Lambda: objects holding events near-time detections read (SQS, forwarded by ingest) -> near-time
 * detections, immediate notification. No idempotency record: replays are ignored, and a redelivered
 * object is recognized by the live state it would update (src/pipeline/near-time.ts). A failed object
 * saves no state for its unfinished keys, so SQS's redelivery runs it properly; it is reported alone
 * (Powertools batch partial failures).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { clients } from '../../src/aws/clients';
import { handlerConfig } from '../../src/pipeline/config';
import { handleNearTimeObject } from '../../src/pipeline/near-time';
import { objectKeysOf } from '../../src/pipeline/object-notifications';

const logger = new Logger({ serviceName: 'vigil-near-time' });
const processor = new BatchProcessor(EventType.SQS);

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const config = handlerConfig();
  const c = clients();
  const recordHandler = async (record: SQSRecord) => {
    for (const key of objectKeysOf(record.body)) {
      const outcome = await handleNearTimeObject(key, config, c.ddb, c.s3, c.sns);
      if (outcome.findings.length) logger.info('near-time findings', { key, findings: outcome.findings.map((f) => f.id), published: outcome.published });
    }
  };
  return processPartialResponse(event, recordHandler, processor, { context });
}

/** Lambda: SQS buffer -> event chunks. Reports partial batch failures (Powertools batch). */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { clients } from '../../src/aws/clients';
import { handlerConfig } from '../../src/pipeline/config';
import { ingestRecords } from '../../src/pipeline/ingest';

const logger = new Logger({ serviceName: 'vigil-ingest' });
const processor = new BatchProcessor(EventType.SQS);

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const config = handlerConfig();
  const { failed, stats } = await ingestRecords(event.Records.map((r) => ({ id: r.messageId, body: r.body })), config, clients().ddb, clients().s3);
  logger.info('ingested', { tenant: config.tenantId, ...stats, failed: failed.size });
  if (stats.quarantined) logger.warn('records set aside in quarantine', { quarantined: stats.quarantined });
  // Each record's fate is already decided; the processor turns failures into batchItemFailures.
  const recordHandler = async (record: SQSRecord) => {
    if (failed.has(record.messageId)) throw new Error(`chunk write failed for ${record.messageId}`);
  };
  return processPartialResponse(event, recordHandler, processor, { context });
}

/**
 * Lambda: near-time rule target. One EventBridge event in, near-time detections, immediate notification.
 * No idempotency record: replays are ignored, and a redelivered event is recognized by the live state it
 * would update (src/pipeline/near-time.ts). A failed run saves no state, so EventBridge's retry runs it
 * properly.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { handlerConfig } from '../../src/pipeline/config';
import { handleNearTime, type NearTimeOutcome } from '../../src/pipeline/near-time';

const logger = new Logger({ serviceName: 'vigil-near-time' });

export async function handler(event: unknown): Promise<NearTimeOutcome> {
  const c = clients();
  const outcome = await handleNearTime(event, handlerConfig(), c.ddb, c.sns);
  if (outcome.status === 'ignored') logger.info('event set aside', { reason: outcome.reason });
  else if (outcome.findings.length) logger.info('near-time findings', { uuid: outcome.uuid, findings: outcome.findings.map((f) => f.id), published: outcome.published });
  return outcome;
}

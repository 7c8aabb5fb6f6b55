/** Lambda (workflow step; a transient error is rethrown as the one the workflow retries): the detection catalog over one hour. Returns counts, never events. */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { classifyTransient } from '../../src/aws/transient';
import { handlerConfig } from '../../src/pipeline/config';
import { detectHour } from '../../src/pipeline/detect-hour';
import { LOG_METRICS } from '../../src/pipeline/log-metrics';
import type { DetectInput, DetectOutput } from '../../src/pipeline/workflow-steps';

const logger = new Logger({ serviceName: 'vigil-detect' });

export async function handler(input: DetectInput): Promise<DetectOutput> {
  const c = clients();
  const out = await classifyTransient(() => detectHour(input, handlerConfig(), c.ddb, c.s3));
  const { failures, ...counts } = out;
  logger.info('detected', { ...counts, [LOG_METRICS.detectionFailures.field]: out.detectionFailures });
  for (const f of failures) logger.error('detection failed', { hour: out.hour, ...f });
  return out;
}

/** Lambda (workflow step; a transient error is rethrown as the one the workflow retries): publish the hour's new findings to SNS, once each. */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { classifyTransient } from '../../src/aws/transient';
import { handlerConfig } from '../../src/pipeline/config';
import { notifyHour } from '../../src/pipeline/notify-hour';
import type { NotifyInput, NotifyOutput } from '../../src/pipeline/workflow-steps';

const logger = new Logger({ serviceName: 'vigil-notify' });

export async function handler(input: NotifyInput): Promise<NotifyOutput> {
  const c = clients();
  const out = await classifyTransient(() => notifyHour(input, handlerConfig(), c.ddb, c.sns));
  logger.info('notified', { hour: input.hour, ...out });
  return out;
}

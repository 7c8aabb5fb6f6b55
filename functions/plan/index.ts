/** Lambda (workflow step; a transient error is rethrown as the one the workflow retries): which hours this run processes. */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { classifyTransient } from '../../src/aws/transient';
import { handlerConfig } from '../../src/pipeline/config';
import { plan } from '../../src/pipeline/plan';
import type { PlanInput, PlanOutput } from '../../src/pipeline/workflow-steps';

const logger = new Logger({ serviceName: 'vigil-plan' });

export async function handler(input: PlanInput): Promise<PlanOutput> {
  const out = await classifyTransient(() => plan(input, handlerConfig(), clients().ddb));
  logger.info('planned', { ...out });
  return out;
}

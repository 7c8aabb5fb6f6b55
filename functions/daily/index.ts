/** Lambda (daily schedule): Activity table roll-up and the day's findings digest. */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { daily, type DailyInput } from '../../src/pipeline/activity';
import { handlerConfig } from '../../src/pipeline/config';

const logger = new Logger({ serviceName: 'vigil-daily' });

export async function handler(input: DailyInput) {
  const c = clients();
  const out = await daily(input, handlerConfig(), c.ddb, c.s3, c.sns);
  logger.info('daily', { ...out });
  return out;
}

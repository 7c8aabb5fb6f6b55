/** Lambda (on demand, `vigil refresh-user`): one user's most recent events, and their Activity refreshed. */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { refreshUser, type RefreshUserInput } from '../../src/pipeline/activity';
import { handlerConfig } from '../../src/pipeline/config';

const logger = new Logger({ serviceName: 'vigil-refresh-user' });

export async function handler(input: RefreshUserInput) {
  if (!input || typeof input.user !== 'string' || input.user.trim() === '') throw new Error('input must be {"user": "<okta user id or login>", "hours"?: number}');
  const out = await refreshUser(input, handlerConfig(), clients().ddb, clients().s3);
  logger.info('refreshed user', { user: input.user, total: out.total });
  return out;
}

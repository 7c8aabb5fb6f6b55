/**
 * Lambda (on demand, `vigil refresh-user`): one user's events since the last stored one, profile and factors, from
 * the tenant's Okta API; merged into the store, their Activity refreshed, the catalog run over the new events.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { clients } from '../../src/aws/clients';
import { readSecret } from '../../src/aws/secrets';
import { handlerConfig, secretOf } from '../../src/pipeline/config';
import { refreshUser, type RefreshUserInput } from '../../src/pipeline/refresh-user';

const logger = new Logger({ serviceName: 'vigil-refresh-user' });

export async function handler(input: RefreshUserInput) {
  if (!input || typeof input.user !== 'string' || input.user.trim() === '') throw new Error('input must be {"user": "<okta user id or login>", "hours"?: number}');
  const config = handlerConfig();
  if (!config.oktaOrgUrl) throw new Error("the tenant's Okta API URL is not configured for this function");
  const secret = secretOf(config, 'okta-api-token');
  const { ddb, s3, sns } = clients();
  const out = await refreshUser(input, config, ddb, s3, sns, { orgUrl: config.oktaOrgUrl, token: (fresh) => readSecret(secret, fresh) });
  logger.info('refreshed user', { user: out.user.id, fetched: out.fetched, new: out.new, findings: out.findings.length, notified: out.notified });
  return out;
}

/**
 * Secrets, read at run time through Powertools Parameters (cached for a few minutes across invocations of a warm
 * container), never from the environment: only the secret's name is there (src/pipeline/secrets.ts). The local
 * runtime points the same provider at its stand-in (local/secrets.ts) through VIGIL_SECRETS_ENDPOINT.
 */
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { ENV } from '../pipeline/env';

/** How long a secret's value is reused before it is read again. */
export const SECRET_MAX_AGE_SECONDS = 300;

let provider: { endpoint?: string; secrets: SecretsProvider } | undefined;

function secretsProvider(): SecretsProvider {
  const endpoint = process.env[ENV.secretsEndpoint];
  if (!provider || provider.endpoint !== endpoint) {
    provider = {
      endpoint,
      secrets: new SecretsProvider(endpoint ? { clientConfig: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } } : {}),
    };
  }
  return provider.secrets;
}

/** A secret's value (a string); `fresh` reads it again now (after the value was refused: it may have been rotated). */
export async function readSecret(name: string, fresh = false): Promise<string> {
  const noValue = () => new Error(`secret ${name} has no value: put one (aws secretsmanager put-secret-value --secret-id ${name} --secret-string ...)`);
  let value: unknown;
  try {
    value = await secretsProvider().get(name, { maxAge: SECRET_MAX_AGE_SECONDS, forceFetch: fresh });
  } catch (err) {
    // A secret created empty has no AWSCURRENT version yet: Secrets Manager says it cannot find it.
    if ((err as { cause?: { name?: string } }).cause?.name === 'ResourceNotFoundException') throw noValue();
    throw err;
  }
  if (typeof value !== 'string' || value === '') throw noValue();
  return value;
}

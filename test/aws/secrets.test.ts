/**
 * Secrets through Powertools Parameters. Secrets Manager has no local implementation: its answers are mocked with
 * aws-sdk-client-mock here (the local runtime serves secrets from its stand-in, local/secrets.ts).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { readSecret } from '../../src/aws/secrets';

describe('readSecret', () => {
  const sm = mockClient(SecretsManagerClient);
  beforeEach(() => sm.reset());

  it('given a secret, when it is read twice, then Secrets Manager is asked once (the value is cached) by the secret\'s name', async () => {
    sm.on(GetSecretValueCommand, { SecretId: 'vigil-acme-okta-api-token' }).resolves({ SecretString: 'token-1' });

    expect(await readSecret('vigil-acme-okta-api-token')).toBe('token-1');
    expect(await readSecret('vigil-acme-okta-api-token')).toBe('token-1');

    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('given a secret that was rotated, when it is read fresh, then the new value comes back', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'old' }).resolves({ SecretString: 'new' });

    expect(await readSecret('vigil-globex-okta-api-token')).toBe('old');
    expect(await readSecret('vigil-globex-okta-api-token', true)).toBe('new');
  });

  it('given a secret created empty (no value put yet), when it is read, then the error says how to put one', async () => {
    sm.on(GetSecretValueCommand).rejects(Object.assign(new Error("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"), { name: 'ResourceNotFoundException' }));

    await expect(readSecret('vigil-initech-okta-api-token')).rejects.toThrow(/vigil-initech-okta-api-token has no value: put one \(aws secretsmanager put-secret-value/);
  });
});

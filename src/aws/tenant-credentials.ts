/**
 * The tenant's AWS account, for every command that calls AWS, the way the deploy reaches it: the caller's
 * credentials (the SDK's default chain), then the tenant's role when the tenant file names one (STS AssumeRole,
 * session `vigil-<command>-<tenant>`), then a check that the credentials really are for the tenant's account (STS
 * GetCallerIdentity). A missing or wrong credential fails with a message that names the account, the role and
 * how to provide credentials, instead of the SDK's bare "Could not load credentials from any providers".
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { Tenant } from '../tenants/schema';

/** What an AWS SDK client of the tenant's account is built with: `new EventBridgeClient(aws.client)`. */
export interface TenantClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
}

export interface TenantAws {
  readonly client: TenantClientConfig;
  readonly account: string;
  /** The role assumed, when the tenant file names one. */
  readonly role?: string;
  /** Who the command acts as (GetCallerIdentity's ARN). */
  readonly caller: string;
}

export interface TenantAwsOptions {
  /** The caller's credentials, before any role is assumed. @default the SDK's default chain (environment, profile, SSO, instance role) */
  readonly credentials?: AwsCredentialIdentityProvider;
}

/** A credential problem, said in terms of the tenant: its account, its role, and how to fix it. */
export class TenantCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantCredentialsError';
  }
}

/** STS role session names: 2-64 characters of letters, digits and `+=,.@-`. */
const MAX_SESSION_NAME = 64;

/** The role session name a command uses for a tenant: `vigil-<command>-<tenant>`, shown in the tenant's CloudTrail. */
export function sessionName(command: string, tenantId: string): string {
  return `vigil-${command}-${tenantId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, MAX_SESSION_NAME);
}

/** Assumed-role credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

const HOW_TO_PROVIDE =
  'provide credentials the way the AWS CLI takes them: AWS_PROFILE=<profile> (after `aws sso login --profile <profile>` for SSO), ' +
  'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or an instance or CI role';

const isMissingCredentials = (err: unknown) => err instanceof Error && (err.name === 'CredentialsProviderError' || /Could not load credentials/i.test(err.message));
const isExpired = (err: unknown) => err instanceof Error && /^(ExpiredToken|ExpiredTokenException|InvalidClientTokenId|UnrecognizedClientException)$/.test(err.name);

/** The tenant's account, reached as the deploy reaches it; fails with a TenantCredentialsError when it cannot be. */
export async function tenantAws(tenant: Tenant, command: string, options: TenantAwsOptions = {}): Promise<TenantAws> {
  const { accountId: account, region, assumeRoleArn: role } = tenant.aws;
  const where = `tenant ${tenant.id} (AWS account ${account}, ${region}${role ? `, role ${role}` : ''})`;
  const fail = (what: string, err?: unknown): never => {
    const cause = err instanceof Error ? ` (${err.name}: ${err.message})` : '';
    throw new TenantCredentialsError(`vigil ${command}: ${what} for ${where}${cause}; ${HOW_TO_PROVIDE}${role ? `, whose identity may assume ${role}` : ` for account ${account}`}.`);
  };
  const callerSts = new STSClient({ region, credentials: options.credentials });

  let credentials: AwsCredentialIdentityProvider;
  if (role) {
    const RoleSessionName = sessionName(command, tenant.id);
    const assume = async (): Promise<AwsCredentialIdentity> => {
      const res = await callerSts.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName }));
      const c = res.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new TenantCredentialsError(`vigil ${command}: STS returned no credentials for ${role}`);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    };
    let current: AwsCredentialIdentity;
    try {
      current = await assume();
    } catch (err) {
      if (err instanceof TenantCredentialsError) throw err;
      if (isMissingCredentials(err)) fail('no AWS credentials to assume the tenant role', err);
      if (isExpired(err)) fail('the AWS credentials have expired or are not valid', err);
      fail(`could not assume ${role}`, err);
    }
    // Renewed before they expire, so a long command (following a replay) keeps working.
    credentials = async () => {
      if (current.expiration && current.expiration.getTime() - Date.now() < RENEW_BEFORE_MS) current = await assume();
      return current;
    };
  } else {
    credentials = options.credentials ?? (() => callerSts.config.credentials());
  }

  let identity: { Account?: string; Arn?: string } = {};
  try {
    identity = await new STSClient({ region, credentials }).send(new GetCallerIdentityCommand({}));
  } catch (err) {
    if (isMissingCredentials(err)) fail('no AWS credentials', err);
    if (isExpired(err)) fail('the AWS credentials have expired or are not valid', err);
    throw err;
  }
  if (identity.Account !== account) {
    fail(`the credentials are for account ${identity.Account ?? 'unknown'} (${identity.Arn ?? 'unknown identity'}), not the tenant's`);
  }
  return { client: { region, credentials }, account, role, caller: identity.Arn ?? '' };
}

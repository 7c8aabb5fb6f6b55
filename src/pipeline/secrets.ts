/**
 * The secrets a tenant's functions read, defined once: the stacks create each one (empty, encrypted with the tenant's
 * key; the operator puts the value) and allow only the functions that declare it to read it (LambdaSpec.secrets), the
 * handlers find it by name (an environment variable holds the name, never the value), and the local runtime serves it
 * from a stand-in. Values never live in a tenant file, in Terraform state or in an environment variable.
 */

export type SecretName = 'okta-api-token';

export interface SecretSpec {
  readonly name: SecretName;
  readonly description: string;
  /** How the operator provides the value. */
  readonly howToSet: string;
}

export const SECRETS: Readonly<Record<SecretName, SecretSpec>> = {
  'okta-api-token': {
    name: 'okta-api-token',
    description: "The tenant's Okta API token (a read-only administrator's): Refresh User Data reads the System Log, Users and Factors APIs with it",
    howToSet: 'Okta Admin Console > Security > API > Tokens > Create token, as a read-only administrator; then aws secretsmanager put-secret-value --secret-id <name> --secret-string <token>',
  },
};

/** Secrets Manager name of a tenant's secret: `vigil-<tenant>-<secret>`, named like every resource of the tenant. */
export function secretName(tenantId: string, secret: SecretName): string {
  return `vigil-${tenantId}-${secret}`;
}

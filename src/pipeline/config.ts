/**
 * What a handler knows about its tenant, read from the environment the stack (or the local runtime)
 * sets. Nothing secret lives here: ids, table names, a topic ARN and detection settings.
 */
import type { DetectionOverrides } from '../detections/catalog';
import type { IntakeRules } from '../okta/input';
import { partnerSource } from '../okta/log-event';
import { TENANT_DEFAULTS } from '../tenants/defaults';
import { oktaOrgUrl, type Cadence, type Tenant } from '../tenants/schema';
import { SEVERITIES, type Severity } from '../detections/types';
import { ENV } from './env';
import { LAMBDAS, type LambdaName } from './lambdas';
import { secretName, SECRETS, type SecretName } from './secrets';
import { TABLES, tableName, type TableName } from './tables';

/** The part of a tenant file the handlers need at run time. */
export interface TenantSettings {
  readonly detections: DetectionOverrides;
  /** When findings of each severity are notified. @default hourly for every severity */
  readonly cadence?: Readonly<Partial<Record<Severity, Cadence>>>;
  readonly gracePeriodMinutes: number;
  readonly retentionDays: number;
  /** The tenant's partner event source: events from any other are set aside. @default - any Okta partner source (a handler started without settings) */
  readonly eventSource?: string;
}

export interface HandlerConfig {
  readonly tenantId: string;
  readonly tables: Readonly<Record<TableName, string>>;
  /** The tenant's bucket, for the functions that use it (LambdaSpec.objects). */
  readonly bucket?: string;
  readonly topicArn?: string;
  readonly settings: TenantSettings;
  /** Names (never values) of the secrets the function reads (LambdaSpec.secrets). */
  readonly secrets: Readonly<Partial<Record<SecretName, string>>>;
  /** The tenant's Okta API, for the functions that read its token. */
  readonly oktaOrgUrl?: string;
}

export function settingsOf(t: Tenant): TenantSettings {
  const cadence = Object.fromEntries(SEVERITIES.map((s) => [s, t.notifications.cadenceBySeverity[s] ?? t.notifications.cadence]));
  return { detections: t.detections, gracePeriodMinutes: t.schedule.gracePeriodMinutes, retentionDays: t.retentionDays, cadence, eventSource: partnerSource(t.okta.org, t.okta.eventSourceName) };
}

/** When a finding of this severity is notified, for the handler's tenant. */
export function cadenceOf(config: HandlerConfig, severity: Severity): Cadence {
  return config.settings.cadence?.[severity] ?? 'hourly';
}

/** What intake expects of the tenant's records (src/okta/input.ts), for every reader of them. */
export function intakeRules(settings: TenantSettings): IntakeRules {
  return { source: settings.eventSource, retentionDays: settings.retentionDays };
}

/** The environment one function gets, for one tenant: the stacks and the local runtime both call this. */
export function functionEnvironment(fn: LambdaName, tenant: Tenant, names: { tables?: Partial<Record<TableName, string>>; bucket?: string; topicArn?: string; oktaOrgUrl?: string } = {}): Record<string, string> {
  const spec = LAMBDAS[fn];
  const env: Record<string, string> = {
    [ENV.tenantId]: tenant.id,
    [ENV.tenantSettings]: JSON.stringify(settingsOf(tenant)),
  };
  for (const t of Object.keys(spec.tables) as TableName[]) env[ENV.table(t)] = names.tables?.[t] ?? tableName(tenant.id, t);
  if (spec.objects && names.bucket) env[ENV.bucket] = names.bucket;
  if (spec.publishes && names.topicArn) env[ENV.topicArn] = names.topicArn;
  for (const secret of spec.secrets ?? []) env[ENV.secret(secret)] = secretName(tenant.id, secret);
  if (spec.secrets?.includes('okta-api-token')) env[ENV.oktaOrgUrl] = names.oktaOrgUrl ?? oktaOrgUrl(tenant);
  return env;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/** Read the handler configuration from the environment; tables a function does not use are left empty. */
export function handlerConfig(): HandlerConfig {
  const tables = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, process.env[ENV.table(t)] ?? ''])) as Record<TableName, string>;
  const raw = process.env[ENV.tenantSettings];
  const settings: TenantSettings = raw ? JSON.parse(raw) : { detections: {}, gracePeriodMinutes: TENANT_DEFAULTS.gracePeriodMinutes, retentionDays: TENANT_DEFAULTS.retentionDays };
  const secrets = Object.fromEntries((Object.keys(SECRETS) as SecretName[]).flatMap((s) => (process.env[ENV.secret(s)] ? [[s, process.env[ENV.secret(s)]!]] : [])));
  return { tenantId: required(ENV.tenantId), tables, bucket: process.env[ENV.bucket], topicArn: process.env[ENV.topicArn], settings, secrets, oktaOrgUrl: process.env[ENV.oktaOrgUrl] };
}

/** The name of a secret the function reads. */
export function secretOf(config: HandlerConfig, s: SecretName): string {
  const name = config.secrets[s];
  if (!name) throw new Error(`secret ${s} is not configured for this function (${ENV.secret(s)})`);
  return name;
}

export function bucket(config: HandlerConfig): string {
  if (!config.bucket) throw new Error(`the tenant's bucket is not configured for this function (${ENV.bucket})`);
  return config.bucket;
}

export function table(config: HandlerConfig, t: TableName): string {
  const name = config.tables[t];
  if (!name) throw new Error(`table ${t} is not configured for this function (${ENV.table(t)})`);
  return name;
}

/**
 * The tenant model: one customer of the platform, their Okta org and log stream, the AWS account their
 * pipeline runs in, and what they want from it. Defined once; read by the stacks, the local runtime and
 * the CLI. Every rule carries the message a user sees when a tenant file breaks it.
 */
import { z } from 'zod';
import { SEVERITIES } from '../detections/types';
import { partitionOfRegion } from '../aws/regions';
import { partnerSource } from '../okta/log-event';
import { LAMBDAS, type LambdaName } from '../pipeline/lambdas';
import { TENANT_DEFAULTS } from './defaults';
import { DELIVERY_STREAM, minimumGracePeriodMinutes } from '../pipeline/delivery';

/** When findings are notified: as each hourly run finds them, or in the daily message. */
export const CADENCES = ['hourly', 'daily'] as const;
export type Cadence = (typeof CADENCES)[number];

export const TENANT_ID = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
/** Okta: 1-75 letters, digits, `.`, `_`, `-`. */
export const EVENT_SOURCE_NAME = /^[A-Za-z0-9._-]{1,75}$/;
export const OKTA_ORG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A host name: the Okta org's domain (acme.okta.com, acme.oktapreview.com, acme.okta-emea.com, or a custom domain). */
export const OKTA_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const ACCOUNT_ID = /^\d{12}$/;
/** A time of day, `HH:MM` (24-hour); captures the hour and the minute. */
export const DAILY_AT = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** An SQS queue ARN: partition, region, account, name. */
const SQS_ARN = /^arn:(aws(?:-[a-z]+)*):sqs:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,80}(\.fifo)?$/;
/** An IAM role ARN: partition, account. */
const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/[\w+=,.@\/-]{1,512}$/;
/** Query parameters whose names say they carry a credential (`?token=`, `?api_key=`, `?sig=`, `?X-Amz-Signature=`...). */
const CREDENTIAL_PARAM = /token|secret|passw|pwd|key|sig|auth|credential|session|code/i;

/**
 * Why a subscription URL carries a credential, or undefined: a user and password (`https://user:pass@host`), or a
 * query parameter named like one. The URL lands in Terraform state and in SNS, where nothing secret belongs; an
 * endpoint that needs a secret must take it another way (a signed request, an authorizer).
 */
export function credentialsInUrl(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined; // not a URL: the format rule reports it
  }
  if (url.username || url.password) return 'must not carry credentials (user:password@): no secret belongs in a tenant file';
  const named = [...url.searchParams.keys()].find((k) => CREDENTIAL_PARAM.test(k));
  if (named) return `must not carry credentials in its query string (parameter ${JSON.stringify(named)}): no secret belongs in a tenant file`;
  return undefined;
}

const severity = z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` });

/** Where each subscription protocol may deliver. */
const endpoints = {
  email: z.email({ error: 'must be an email address' }),
  https: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).superRefine((endpoint, ctx) => {
    const problem = credentialsInUrl(endpoint);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  sqs: z.string().regex(SQS_ARN, { error: 'must be an SQS queue ARN (arn:aws:sqs:<region>:<account>:<name>)' }),
};
const protocolError = { error: 'protocol must be one of email, https, sqs' };

/** A findings subscriber: receives findings of `minSeverity` and above. */
const subscription = z.discriminatedUnion(
  'protocol',
  [
    z.strictObject({ protocol: z.literal('email'), endpoint: endpoints.email, minSeverity: severity.default('medium') }),
    z.strictObject({ protocol: z.literal('https'), endpoint: endpoints.https, minSeverity: severity.default('medium') }),
    z.strictObject({ protocol: z.literal('sqs'), endpoint: endpoints.sqs, minSeverity: severity.default('medium') }),
  ],
  protocolError,
);

/** An operations subscriber: receives the pipeline's health alarms. */
const opsSubscription = z.discriminatedUnion(
  'protocol',
  [
    z.strictObject({ protocol: z.literal('email'), endpoint: endpoints.email }),
    z.strictObject({ protocol: z.literal('https'), endpoint: endpoints.https }),
    z.strictObject({ protocol: z.literal('sqs'), endpoint: endpoints.sqs }),
  ],
  protocolError,
);

const functionName = z.enum(Object.keys(LAMBDAS) as [LambdaName, ...LambdaName[]], { error: `must be a function: ${Object.keys(LAMBDAS).join(', ')}` });

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())], { error: 'must be a number, string, boolean or list of strings' });

export const tenantSchema = z
  .strictObject({
    id: z.string({ error: 'is required' }).regex(TENANT_ID, { error: 'must be a slug: 3-32 lower-case letters, digits and "-", starting with a letter' }),
    displayName: z.string().min(1).max(128).optional(),
    okta: z.strictObject({
      org: z.string({ error: 'is required' }).regex(OKTA_ORG, { error: 'must be the Okta org subdomain (acme for acme.okta.com): lower-case letters, digits and "-"' }),
      eventSourceName: z.string({ error: 'is required' }).regex(EVENT_SOURCE_NAME, { error: 'must be 1-75 characters of letters, digits, ".", "_" or "-" (Okta\'s rule for event source names)' }),
      /** The org's domain, where its API answers (Refresh User Data). @default <org>.okta.com */
      domain: z.string().regex(OKTA_DOMAIN, { error: 'must be the Okta org\'s domain, e.g. acme.okta.com or acme.oktapreview.com (lower case, no scheme or path)' }).optional(),
    }),
    aws: z.strictObject({
      accountId: z.string({ error: 'is required' }).regex(ACCOUNT_ID, { error: 'must be a 12-digit AWS account id, as a string' }),
      region: z
        .string({ error: 'is required' })
        .refine((r) => partitionOfRegion(r) !== undefined, { error: 'must be an AWS region that exists, such as us-east-1 (China: cn-north-1, cn-northwest-1; GovCloud: us-gov-east-1, us-gov-west-1)' }),
      /** Role the deploy assumes in the tenant's account. */
      assumeRoleArn: z.string().regex(ROLE_ARN, { error: 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)' }).optional(),
      /** Other accounts whose queues may subscribe to the tenant's topics; by default only the tenant's own. */
      allowedSubscriberAccounts: z.array(z.string().regex(ACCOUNT_ID, { error: 'must be a 12-digit AWS account id, as a string' })).max(20).default([]),
    }),
    archive: z
      .strictObject({
        retentionDays: z.number().int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 (keep forever) or more' }).max(3650, { error: 'must be at most 3650 days' }),
      })
      .default({ retentionDays: TENANT_DEFAULTS.archiveRetentionDays }),
    /** How long ingested event chunks, findings and detection state are kept in DynamoDB. */
    retentionDays: z.number().int().min(1, { error: 'must be at least 1 day' }).max(3650).default(TENANT_DEFAULTS.retentionDays),
    schedule: z
      .strictObject({
        /** Minutes after the hour closes before it is processed, for late events. */
        gracePeriodMinutes: z
          .number()
          .int()
          .min(minimumGracePeriodMinutes(), { error: `must be at least ${minimumGracePeriodMinutes()}: the delivery stream writes events up to ${DELIVERY_STREAM.bufferingIntervalSeconds / 60} minutes after they arrive, and an hour's run must find them indexed` })
          .max(59, { error: 'must be less than an hour' })
          .default(TENANT_DEFAULTS.gracePeriodMinutes),
        /** Local time of the daily activity roll-up and digest, HH:MM in UTC. */
        dailyAt: z.string().regex(DAILY_AT, { error: 'must be HH:MM (24-hour, UTC)' }).default(TENANT_DEFAULTS.dailyAt),
      })
      .default({ gracePeriodMinutes: TENANT_DEFAULTS.gracePeriodMinutes, dailyAt: TENANT_DEFAULTS.dailyAt }),
    notifications: z
      .strictObject({
        subscriptions: z.array(subscription).max(50).default([]),
        /**
         * When findings are sent: `hourly`, as each hourly run finds them, or `daily`, in the daily message (a near-time
         * finding for a user still goes at once, with that user's waiting findings).
         */
        cadence: z.enum(CADENCES, { error: `must be one of ${CADENCES.join(', ')}` }).default('hourly'),
        /** The cadence of findings of a severity, over `cadence` (e.g. critical hourly, the rest daily). */
        cadenceBySeverity: z.partialRecord(z.enum(SEVERITIES), z.enum(CADENCES, { error: `must be one of ${CADENCES.join(', ')}` })).default({}),
      })
      .default({ subscriptions: [], cadence: 'hourly', cadenceBySeverity: {} }),
    operations: z
      .strictObject({
        /** Hours without a single event from Okta before the feed is reported silent. */
        silentFeedHours: z.number().int().min(1, { error: 'must be at least 1 hour' }).max(24, { error: 'must be at most 24 hours' }).default(TENANT_DEFAULTS.silentFeedHours),
        subscriptions: z.array(opsSubscription).max(50).default([]),
      })
      .default({ silentFeedHours: TENANT_DEFAULTS.silentFeedHours, subscriptions: [] }),
    tracing: z
      .strictObject({
        /** Fraction of the pipeline's requests (function invocations, workflow runs) X-Ray traces. */
        samplingRate: z
          .number({ error: 'must be a number from 0 to 1' })
          .min(0, { error: 'must be from 0 (no traces) to 1 (every request)' })
          .max(1, { error: 'must be from 0 (no traces) to 1 (every request)' })
          .default(TENANT_DEFAULTS.tracingSamplingRate),
      })
      .default({ samplingRate: TENANT_DEFAULTS.tracingSamplingRate }),
    tables: z
      .strictObject({
        /** Refuse to delete the tables (`terraform destroy`, a replacement); `false` only for a tenant meant to be thrown away. */
        deletionProtection: z.boolean({ error: 'must be true or false' }).default(true),
      })
      .default({ deletionProtection: true }),
    concurrency: z
      .strictObject({
        /** The Lambda concurrency limit of the tenant's account and region, once AWS has raised it (src/tenants/shared-account.ts). */
        accountLimit: z.number().int({ error: 'must be a whole number' }).min(100, { error: 'must be at least 100, the executions AWS keeps unreserved' }).optional(),
        /** Reserved concurrency per function, overriding LAMBDAS' reservedConcurrency. */
        reserved: z.partialRecord(functionName, z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1 (0 would stop the function)' })).default({}),
      })
      .default({ reserved: {} }),
    detections: z
      .record(
        z.string(),
        z.strictObject({
          enabled: z.boolean({ error: 'must be true or false' }).optional(),
          params: z.record(z.string(), paramValue).optional(),
        }),
      )
      .default({}),
  })
  .superRefine((t, ctx) => {
    const partition = partitionOfRegion(t.aws.region);
    const m = t.aws.assumeRoleArn?.match(ROLE_ARN);
    if (m && m[2] !== t.aws.accountId) {
      ctx.addIssue({ code: 'custom', path: ['aws', 'assumeRoleArn'], message: `must be a role in the tenant's account ${t.aws.accountId}, not ${m[2]}` });
    }
    if (m && partition && m[1] !== partition) {
      ctx.addIssue({ code: 'custom', path: ['aws', 'assumeRoleArn'], message: `must be in the ${partition} partition of region ${t.aws.region} (arn:${partition}:...), not ${m[1]}` });
    }
    // A queue subscribed to a tenant's topic receives its findings: the tenant's own account, or one it names.
    const allowed = new Set([t.aws.accountId, ...t.aws.allowedSubscriberAccounts]);
    for (const list of ['notifications', 'operations'] as const) {
      t[list].subscriptions.forEach((sub, i) => {
        const q = sub.protocol === 'sqs' ? sub.endpoint.match(SQS_ARN) : null;
        if (!q) return;
        const path = [list, 'subscriptions', i, 'endpoint'];
        if (partition && q[1] !== partition) ctx.addIssue({ code: 'custom', path, message: `must be a queue in the ${partition} partition of region ${t.aws.region}, not ${q[1]}` });
        if (!allowed.has(q[3])) ctx.addIssue({ code: 'custom', path, message: `is a queue in account ${q[3]}, not the tenant's ${t.aws.accountId}: list it in aws.allowedSubscriberAccounts to allow it` });
      });
    }
  });

export type Tenant = z.output<typeof tenantSchema>;

/** The base URL of the tenant's Okta API: `https://<okta.domain>`, by default `https://<org>.okta.com`. */
export function oktaOrgUrl(t: Pick<Tenant, 'okta'>): string {
  return `https://${t.okta.domain ?? `${t.okta.org}.okta.com`}`;
}

/** `aws.partner/okta.com/<org>/<name>`: the partner event source, and the name of the tenant's event bus. */
export function eventSourceName(t: Pick<Tenant, 'okta'>): string {
  return partnerSource(t.okta.org, t.okta.eventSourceName);
}

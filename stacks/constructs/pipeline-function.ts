/**
 * One Vigil Lambda function for one tenant, from its LAMBDAS spec: the pre-built esbuild bundle as
 * code, its own log group (KMS), its own role with a least-privilege policy derived from the spec
 * (tables and bucket areas and how it uses them, whether it publishes, the queues it drains), its
 * environment from functionEnvironment(), its reserved concurrency, and, for asynchronous invocations, a
 * maximum event age and an on-failure destination.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { OBJECT_AREAS, type ObjectArea } from '../../src/pipeline/buckets';
import { bundleFile, BUNDLE_HANDLER } from '../../src/pipeline/bundles';
import { functionEnvironment } from '../../src/pipeline/config';
import { memoryOf, timeoutOf, type Access, type LambdaSpec } from '../../src/pipeline/lambdas';
import type { QueueName } from '../../src/pipeline/queues';
import type { SecretName } from '../../src/pipeline/secrets';
import type { TableName } from '../../src/pipeline/tables';
import type { Tenant } from '../../src/tenants/schema';
import { SynthConfigError } from '../errors';
import { archivePathFrom, functionArchive } from '../function-archives';
import { literal } from '../literal';
import { check, checkInteger, checkLogRetention } from './checks';
import { assumeRolePolicy, condition, policyDocument, useKey, XRAY_WRITE, type Statement } from './policy';

/** Actions granted per kind of table access. */
export const TABLE_ACTIONS: Readonly<Record<'read' | 'write', readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
};

export function tableActions(access: Access): string[] {
  return access === 'readwrite' ? [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write] : [...TABLE_ACTIONS[access]];
}

/** Actions granted on an area's objects per kind of access (listing the area is a separate statement). */
export const OBJECT_ACTIONS: Readonly<Record<'read' | 'write', readonly string[]>> = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject'],
};

/**
 * Statements for one area of the tenant's bucket: its objects, and listing under its prefix (with read
 * access; without it, S3 answers a missing key with 403 instead of 404).
 */
export function objectStatements(area: ObjectArea, access: Access, bucketArn: string): Statement[] {
  const prefix = OBJECT_AREAS[area].prefix;
  const actions = access === 'readwrite' ? [...OBJECT_ACTIONS.read, ...OBJECT_ACTIONS.write] : [...OBJECT_ACTIONS[access]];
  const statements: Statement[] = [{ sid: `Objects${pascal(area)}${pascal(access)}`, actions, resources: [`${bucketArn}/${prefix}*`] }];
  if (access !== 'write') statements.push({ sid: `List${pascal(area)}`, actions: ['s3:ListBucket'], resources: [bucketArn], condition: [condition('StringLike', 's3:prefix', `${prefix}*`)] });
  return statements;
}

const NODE_RUNTIME = 'nodejs22.x';

/** The pre-built bundle of a function is missing: `npm run build:functions` has not run. */
export class MissingBundleError extends SynthConfigError {
  constructor(readonly functionName: string, readonly path: string) {
    super(`Lambda bundle for "${functionName}" not found at ${path}: run \`npm run build:functions\` first (\`npm run synth\` does).`);
    this.name = 'MissingBundleError';
  }
}

/** Where the stack finds what it needs to know about the tenant's other resources. */
export interface FunctionResources {
  /** Tenant key ARN (environment encryption, SQS/SNS use). */
  readonly kmsKeyArn: string;
  /** Table names by logical name, for the environment. */
  readonly tableNames: Readonly<Record<TableName, string>>;
  /** ARNs (table and index) a policy may name for each table. */
  tableArns(table: TableName): string[];
  /** The tenant's bucket (src/pipeline/buckets.ts). */
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The tenant topic ARN. */
  readonly topicArn: string;
  /** The ARN of a queue a function drains. */
  queueArn(queue: QueueName): string;
  /** The queue (tenant key) where asynchronous invocations that failed every attempt, or expired, are kept. */
  readonly failedInvocationsQueueArn: string;
  /** The ARN of one of the tenant's secrets a function reads. */
  secretArn(secret: SecretName): string;
}

/** How long Lambda keeps retrying an asynchronous invocation: its maximum, 6 hours. */
export const MAX_EVENT_AGE_SECONDS = 6 * 3600;
/** Retries of a failed asynchronous invocation (Lambda allows 0-2). */
export const ASYNC_RETRY_ATTEMPTS = 2;

/** Actions a function needs on a queue it drains (what the event source mapping does on its behalf). */
export const DRAIN_ACTIONS: readonly string[] = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'];

export interface PipelineFunctionProps {
  readonly tenant: Tenant;
  /** What the function is and uses: its memory (128-10240 MB) and timeout (1-900 s) are checked. */
  readonly spec: LambdaSpec;
  /** Function (and role) name. */
  readonly functionName: string;
  readonly logGroupName: string;
  readonly resources: FunctionResources;
  /** Directory holding `<function>/index.mjs` bundles (src/pipeline/bundles.ts). */
  readonly bundleDir: string;
  /** Days the function's logs are kept: one of CloudWatch Logs' retention periods. @default 30 */
  readonly logRetentionDays?: number;
  /** Reserved concurrent executions (1 or more): the function's share of the account, floor and ceiling. @default spec.reservedConcurrency */
  readonly reservedConcurrency?: number;
  /** Seconds an asynchronous invocation may wait and be retried before it goes to the failed-invocations queue (60-21600). @default MAX_EVENT_AGE_SECONDS */
  readonly maximumEventAgeInSeconds?: number;
}

export class PipelineFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  /** The role's policy: depend on it where AWS checks the role at creation (event source mappings). */
  readonly policy: IamRolePolicy;
  readonly logGroup: CloudwatchLogGroup;
  /** Asynchronous invocations (rule targets, schedules): retries, maximum age and where failures go. */
  readonly asyncInvokeConfig: LambdaFunctionEventInvokeConfig;
  /** The function's timeout: a queue it drains must keep messages hidden longer (see IngestRoute). */
  readonly timeoutSeconds: number;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    const { spec, resources } = props;
    checkInteger(this, 'spec.memoryMb', spec.memoryMb, 128, 10240);
    checkInteger(this, 'spec.timeoutSeconds', spec.timeoutSeconds, 1, 900);
    const reserved = props.reservedConcurrency ?? spec.reservedConcurrency;
    check(this, Number.isInteger(reserved) && reserved >= 1, `reservedConcurrency must be a whole number, 1 or more, got ${reserved}`);
    checkLogRetention(this, 'logRetentionDays', props.logRetentionDays);
    checkInteger(this, 'maximumEventAgeInSeconds', props.maximumEventAgeInSeconds, 60, MAX_EVENT_AGE_SECONDS);
    this.timeoutSeconds = timeoutOf(spec);

    const file = bundleFile(props.bundleDir, spec.name);
    if (!existsSync(file)) throw new MissingBundleError(spec.name, relative(process.cwd(), file) || file);
    const code = functionArchive(this, spec.name, dirname(file));

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: props.logGroupName,
      retentionInDays: props.logRetentionDays ?? 30,
      kmsKeyId: resources.kmsKeyArn,
    });

    const statements: Statement[] = [];
    for (const [table, access] of Object.entries(spec.tables) as [TableName, Access][]) {
      statements.push({ sid: `Table${pascal(table)}${pascal(access)}`, actions: tableActions(access), resources: resources.tableArns(table) });
    }
    for (const [area, access] of Object.entries(spec.objects ?? {}) as [ObjectArea, Access][]) statements.push(...objectStatements(area, access, resources.bucketArn));
    if (spec.publishes) statements.push({ sid: 'PublishFindings', actions: ['sns:Publish'], resources: [resources.topicArn] });
    // Only the secrets it declares, only their current value (decrypted with the tenant key: UseTenantKey).
    for (const secret of spec.secrets ?? []) statements.push({ sid: `ReadSecret${pascal(secret)}`, actions: ['secretsmanager:GetSecretValue'], resources: [resources.secretArn(secret)] });
    statements.push(
      useKey(resources.kmsKeyArn),
      { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${this.logGroup.arn}:*`] },
      XRAY_WRITE,
      ...(spec.drains ?? []).map((queue) => ({ sid: `Drain${pascal(queue)}`, actions: [...DRAIN_ACTIONS], resources: [resources.queueArn(queue)] })),
      // Lambda sends the on-failure record of an asynchronous invocation with the function's role.
      { sid: 'SendFailedInvocations', actions: ['sqs:SendMessage'], resources: [resources.failedInvocationsQueueArn] },
    );

    this.role = new IamRole(this, 'role', {
      name: props.functionName,
      description: `Vigil ${spec.name} function`,
      assumeRolePolicy: assumeRolePolicy(this, 'trust', 'lambda.amazonaws.com').json,
    });
    this.policy = new IamRolePolicy(this, 'policy', {
      name: 'least-privilege',
      role: this.role.id,
      policy: policyDocument(this, 'permissions', statements).json,
    });

    this.function = new LambdaFunction(this, 'function', {
      functionName: props.functionName,
      description: spec.description.slice(0, 256),
      role: this.role.arn,
      runtime: NODE_RUNTIME,
      architectures: ['arm64'],
      handler: BUNDLE_HANDLER,
      // One archive per app, shared by every tenant's stack.
      filename: archivePathFrom(TerraformStack.of(this), code),
      sourceCodeHash: code.hash,
      memorySize: memoryOf(spec),
      timeout: this.timeoutSeconds,
      reservedConcurrentExecutions: reserved,
      kmsKeyArn: resources.kmsKeyArn,
      environment: {
        variables: mapValues(
          functionEnvironment(spec.name, props.tenant, {
            tables: Object.fromEntries(Object.keys(spec.tables).map((t) => [t, resources.tableNames[t as TableName]])),
            bucket: resources.bucketName,
            topicArn: resources.topicArn,
          }),
          literal,
        ),
      },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      tracingConfig: { mode: 'Active' },
      // The role must be able to write logs and traces from the first invocation.
      dependsOn: [this.policy],
    });

    // Whatever invokes the function asynchronously (a rule, a schedule, an operator with --invocation-type
    // Event), an invocation that fails every attempt, or waits too long, is kept with its error, never dropped.
    this.asyncInvokeConfig = new LambdaFunctionEventInvokeConfig(this, 'async', {
      functionName: this.function.functionName,
      maximumEventAgeInSeconds: props.maximumEventAgeInSeconds ?? MAX_EVENT_AGE_SECONDS,
      maximumRetryAttempts: ASYNC_RETRY_ATTEMPTS,
      destinationConfig: { onFailure: { destination: resources.failedInvocationsQueueArn } },
    });
  }

  get arn(): string {
    return this.function.arn;
  }
  get name(): string {
    return this.function.functionName;
  }
}

function mapValues(record: Record<string, string>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

function pascal(s: string): string {
  return s.replace(/(^|[-_])([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

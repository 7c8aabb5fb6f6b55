/**
 * The local runtime: one tenant's pipeline on this machine, with no AWS account.
 *
 * Same parts as in AWS, each a small adapter: the event bus routes by the deployed rules' patterns
 * (./bus.ts), the buffer queue feeds the ingest function with SQS's batch and redrive semantics
 * (./queue.ts), the Lambda handlers run as they are with the environment the stack gives them
 * (./invoker.ts), the hourly workflow definition runs in aws-local-stepfunctions (./state-machine.ts),
 * DynamoDB is a real DynamoDB-compatible server (./dynamo.ts) and S3 a real S3-compatible one (./s3.ts). SNS has no local implementation:
 * publishes are recorded in memory instead (./topic.ts, the one mock).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDynamoClient, createS3Client, documentClient, setClients } from '../src/aws/clients';
import { RequestMeter, SIMULATION } from '../src/aws/request-meter';
import { findingsForHour } from '../src/store/findings';
import { nearTimeEventTypes, resolveCatalog } from '../src/detections/catalog';
import { ingestPattern, nearTimePatterns } from '../src/events/patterns';
import { bucketName } from '../src/pipeline/buckets';
import { functionEnvironment } from '../src/pipeline/config';
import { ENV } from '../src/pipeline/env';
import { LAMBDAS, type LambdaName } from '../src/pipeline/lambdas';
import { pendingHours } from '../src/pipeline/plan';
import { QUEUES } from '../src/pipeline/queues';
import { dailyRunInput, hourlyRunInput } from '../src/pipeline/schedules';
import type { TableName } from '../src/pipeline/tables';
import type { Tenant } from '../src/tenants/schema';
import { hourlyWorkflow } from '../src/workflow/hourly-state-machine';
import { LAMBDA_STATES } from '../src/workflow/names';
import { TenantArns, tenantNames, type TenantNames } from '../stacks/naming';
import { LocalBus, type BusStats } from './bus';
import { createTenantTables, startDynalite, type LocalDynamo } from './dynamo';
import { LocalInvoker } from './invoker';
import { LocalQueue, type DeadLetter } from './queue';
import { createBucket, startS3, type LocalS3 } from './s3';
import { LocalStateMachine, type HourlyExecution } from './state-machine';
import { LocalTopic, type PublishedMessage } from './topic';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

export interface LocalPipelineOptions {
  /** Use an existing DynamoDB endpoint instead of starting dynalite. @default a dynalite server of its own */
  readonly dynamoEndpoint?: string;
  /** SQS batch size for the ingest function. @default QUEUES['ingest-buffer'].batchSize */
  readonly batchSize?: number;
  /**
   * The state machine definition to execute, e.g. the one taken out of a synthesized stack, with its
   * references resolved to {@link LocalPipeline.functionArn} and the local table names.
   * @default hourlyWorkflow() with this runtime's ARNs and table names
   */
  readonly definition?: Record<string, unknown>;
  /** Receives before SQS moves a message to the dead-letter queue (the buffer queue's redrive policy). @default QUEUES['ingest-buffer'].maxReceiveCount */
  readonly maxReceiveCount?: number;
}

export class LocalPipeline {
  /** Resource names and ARNs as the tenant stack gives them, in the local runtime's pretend account. */
  private readonly names: TenantNames;
  private readonly arns = new TenantArns(REGION, ACCOUNT);
  /** This runtime's own clients on the local server (tests may swap the handlers' clients; these stay). */
  private readonly client: DynamoDBClient;
  readonly ddb: DynamoDBDocumentClient;
  readonly s3: S3Client;
  private readonly topic: LocalTopic;
  private readonly invoker: LocalInvoker;
  private readonly buffer: LocalQueue;
  private readonly eventBus: LocalBus;
  /** Every AWS request this runtime makes, as AWS would bill it (see src/aws/request-meter.ts). */
  readonly meter = new RequestMeter();
  /** The hourly workflow, built (and validated) once. */
  private machine?: LocalStateMachine;
  private executionSeq = 0;

  private constructor(
    readonly tenant: Tenant,
    readonly tables: Record<TableName, string>,
    readonly endpoint: string,
    /** The tenant's bucket on the local S3 server. */
    readonly bucket: string,
    private readonly dynamo: LocalDynamo | undefined,
    private readonly objectStore: LocalS3,
    private readonly options: LocalPipelineOptions,
  ) {
    this.names = tenantNames(tenant);
    this.client = this.meter.attach(createDynamoClient(endpoint));
    this.ddb = documentClient(this.client);
    this.s3 = this.meter.attach(createS3Client(objectStore.endpoint));
    this.topic = new LocalTopic(this.arns.topic(this.names.findingsTopic), this.meter);
    this.invoker = new LocalInvoker({
      environment: (fn) => ({
        ...functionEnvironment(fn, tenant, { tables, bucket, topicArn: this.topic.arn }),
        [ENV.dynamoEndpoint]: endpoint,
        [ENV.s3Endpoint]: objectStore.endpoint,
      }),
      functionName: (fn) => this.names.function(fn),
      meter: this.meter,
    });
    this.buffer = new LocalQueue({
      arn: this.arns.arn('sqs', this.names.queue(QUEUES['ingest-buffer'].name)),
      region: REGION,
      batchSize: options.batchSize ?? QUEUES['ingest-buffer'].batchSize,
      maxReceiveCount: options.maxReceiveCount ?? QUEUES['ingest-buffer'].maxReceiveCount,
      meter: this.meter,
    });
    this.eventBus = new LocalBus(
      { ingest: ingestPattern(), nearTime: nearTimePatterns(nearTimeEventTypes(resolveCatalog(tenant.detections))), archive: ingestPattern() },
      { buffer: (event) => this.buffer.send(JSON.stringify(event)), nearTime: (event) => this.invoke('near-time', event) },
      this.meter,
    );
  }

  static async start(tenant: Tenant, options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
    const dynamo = options.dynamoEndpoint ? undefined : await startDynalite();
    const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    const tables = await createTenantTables(endpoint, tenant.id);
    const objectStore = await startS3();
    const bucket = bucketName(tenant.id, ACCOUNT);
    await createBucket(objectStore.endpoint, bucket);
    process.env.POWERTOOLS_LOG_LEVEL ??= process.env.VIGIL_LOG_LEVEL ?? 'SILENT';
    const pipeline = new LocalPipeline(tenant, tables, endpoint, bucket, dynamo, objectStore, options);
    setClients({ ddb: pipeline.ddb, s3: pipeline.s3, sns: pipeline.topic });
    return pipeline;
  }

  async close(): Promise<void> {
    setClients(undefined);
    this.s3.destroy();
    await this.objectStore.close();
    await this.dynamo?.close();
  }

  /** Messages published to the findings topic, in order. */
  get published(): PublishedMessage[] {
    return this.topic.published;
  }

  /** What the event bus received and where its rules sent it. */
  get bus(): BusStats {
    return this.eventBus.stats;
  }

  /** Messages SQS gave up on (moved to the buffer's dead-letter queue after maxReceiveCount receives). */
  get deadLetters(): DeadLetter[] {
    return this.buffer.deadLetters;
  }

  /** Invoke a handler the way Lambda would, with that function's environment only. */
  invoke<T = unknown>(fn: LambdaName, payload: unknown): Promise<T> {
    return this.invoker.invoke<T>(fn, payload);
  }

  /** PutEvents onto the tenant bus: route by the same patterns as the deployed rules. */
  put(event: unknown): Promise<void> {
    return this.eventBus.put(event);
  }

  /** Deliver a raw body to the buffer queue as-is (what a malformed message looks like). */
  enqueueRaw(body: string): void {
    this.buffer.send(body);
  }

  /** Let the event source mapping drain the buffer queue into the ingest function (see ./queue.ts). */
  drain(): Promise<{ batches: number; failures: number }> {
    return this.buffer.drain((event: SQSEvent) => this.invoke<SQSBatchResponse>('ingest', event));
  }

  /** The ARN this runtime answers to for a function (what a Lambda Task's Resource must say). */
  functionArn(fn: LambdaName): string {
    return this.arns.arn('lambda', `function:${this.names.function(fn)}`);
  }

  /** The deployed workflow definition, with this runtime's ARNs and table names. */
  definition(): Record<string, unknown> {
    if (this.options.definition) return this.options.definition;
    return hourlyWorkflow({
      planFunctionArn: this.functionArn('plan'),
      detectFunctionArn: this.functionArn('detect'),
      notifyFunctionArn: this.functionArn('notify'),
      eventsTable: this.tables.events,
      hoursTable: this.tables.hours,
    });
  }

  /** What EventBridge Scheduler does every hour: start the workflow for the hour just closed. */
  async runHourly(scheduledTime: string, hours: string[] = []): Promise<HourlyExecution> {
    this.meter.record({ service: 'Scheduler', operation: 'Invoke', component: 'schedules' }, { requests: 1 });
    return this.startExecution({ ...hourlyRunInput(this.tenant.id, scheduledTime, hours) }, scheduledTime);
  }

  /** Start the hourly workflow with any input, as a person would from the console or the CLI. */
  async startExecution(input: Record<string, unknown>, startTime = new Date().toISOString()): Promise<HourlyExecution> {
    await this.drain();
    const id = this.arns.arn('states', `execution:${this.names.stateMachine}:local-${++this.executionSeq}`);
    const execution = await this.meter.within('hourly-workflow', () => this.stateMachine().run(input, { id, startTime }));
    this.meter.record({ service: 'States', operation: 'StateTransition', component: 'hourly-workflow' }, { requests: execution.transitions });
    this.meter.record({ service: 'XRay', operation: 'TraceStart', component: 'hourly-workflow' }, { requests: 1 });
    return execution;
  }

  private stateMachine(): LocalStateMachine {
    const functions = new Map((Object.keys(LAMBDAS) as LambdaName[]).map((fn) => [this.functionArn(fn), (payload: unknown) => this.invoke(fn, payload)]));
    return (this.machine ??= new LocalStateMachine(this.definition(), { functions, dynamo: this.client, retryAtOnce: LAMBDA_STATES }));
  }

  /** The hours the hourly run scheduled at this time would find pending: Plan's own query, claiming nothing (not billed: the simulation asks). */
  pendingHours(scheduledTime: string): Promise<string[]> {
    return this.meter.within(SIMULATION, () => pendingHours(this.ddb, this.tables.hours, this.tenant.id, scheduledTime, this.tenant.schedule.gracePeriodMinutes, Date.now()));
  }

  /** The daily schedule: Activity roll-up and digest. */
  runDaily(scheduledTime: string) {
    this.meter.record({ service: 'Scheduler', operation: 'Invoke', component: 'schedules' }, { requests: 1 });
    return this.invoke<{ day: string; users: number; events: number; findings: number; digest: boolean }>('daily', dailyRunInput(this.tenant.id, scheduledTime));
  }

  refreshUser(user: string, options: { hours?: number; asOf?: string } = {}) {
    return this.invoke('refresh-user', { tenantId: this.tenant.id, user, ...options });
  }
}

/** Findings stored for an hour (what the pipeline found, whether or not it notified). */
export async function storedFindings(pipeline: LocalPipeline, hour: string) {
  return pipeline.meter.within(SIMULATION, () => findingsForHour(pipeline.ddb, pipeline.tables.findings, hour));
}

/**
 * The local runtime: one tenant's pipeline on this machine, with no AWS account.
 *
 * Same parts as in AWS, each a small adapter: the event bus routes by the deployed rule's pattern
 * (./bus.ts) to the delivery stream, which writes buffered objects to the bucket (./delivery-stream.ts);
 * each object's notification goes through the ingest queue to the ingest function (which indexes it and
 * evaluates its near-time events), with SQS's batch and redrive semantics (./queue.ts); the Lambda handlers run as they are with the environment the stack gives them
 * (./invoker.ts), the hourly workflow definition runs in aws-local-stepfunctions (./state-machine.ts),
 * DynamoDB is a real DynamoDB-compatible server (./dynamo.ts) and S3 a real S3-compatible one (./s3.ts). SNS has no local implementation:
 * publishes are recorded in memory instead (./topic.ts). Secrets Manager has none either: a stand-in serves the
 * tenant's secrets to the same Powertools provider (./secrets.ts); the Okta API is ./okta-api.ts.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDynamoClient, createS3Client, documentClient, setClients } from '../src/aws/clients';
import { RequestMeter, SIMULATION, type Usage } from '../src/aws/request-meter';
import { findingsForHour } from '../src/store/findings';
import { bucketName } from '../src/pipeline/buckets';
import { functionEnvironment } from '../src/pipeline/config';
import { ENV } from '../src/pipeline/env';
import { LAMBDAS, type LambdaName } from '../src/pipeline/lambdas';
import { pendingHours } from '../src/pipeline/plan';
import { objectCreatedMessage } from '../src/pipeline/object-notifications';
import { QUEUES, type QueueName } from '../src/pipeline/queues';
import type { DailyOutput } from '../src/pipeline/activity';
import { secretName } from '../src/pipeline/secrets';
import { dailyRunInput, hourlyRunInput } from '../src/pipeline/schedules';
import type { TableName } from '../src/pipeline/tables';
import type { Tenant } from '../src/tenants/schema';
import { hourlyWorkflow } from '../src/workflow/hourly-state-machine';
import { TASK_STATES } from '../src/workflow/names';
import { TenantArns, tenantNames, type TenantNames } from '../stacks/naming';
import { busRules, LocalBus, type BusStats } from './bus';
import { LocalArchive } from './archive';
import { bucketDestination, LocalDeliveryStream, type StreamDestination, type StreamObject } from './delivery-stream';
import { createTenantTables, startDynalite, type LocalDynamo } from './dynamo';
import { LocalInvoker } from './invoker';
import { LocalQueue, type DeadLetter } from './queue';
import { createBucket, startS3, type LocalS3 } from './s3';
import { LocalSecrets } from './secrets';
import { LocalStateMachine, type HourlyExecution } from './state-machine';
import { LocalTopic, type PublishedMessage } from './topic';

/**
 * What the delivery side (bus, archive, delivery stream) counted on another thread (../cli/delivery-thread.ts): its
 * totals so far, and the requests it made since it last said.
 */
export interface DeliveryCounts {
  readonly bus: BusStats;
  readonly delivery: { readonly records: number; readonly objects: number };
  readonly archived: number;
  readonly usage: readonly Usage[];
}

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

export interface LocalPipelineOptions {
  /** Use an existing DynamoDB endpoint instead of starting dynalite. @default a dynalite server of its own */
  readonly dynamoEndpoint?: string;

  /**
   * The state machine definition to execute, e.g. the one taken out of a synthesized stack, with its
   * references resolved to {@link LocalPipeline.functionArn} and the local table names.
   * @default hourlyWorkflow() with this runtime's ARNs and table names
   */
  readonly definition?: Record<string, unknown>;
  /** Receives before SQS moves a message to a dead-letter queue (the queues' redrive policy). @default QUEUES[queue].maxReceiveCount */
  readonly maxReceiveCount?: number;
  /** Refresh User Data's Okta API (e.g. ./okta-api.ts) and the token the runtime's Secrets Manager holds for it. @default - none: refresh-user finds no token */
  readonly okta?: { readonly orgUrl: string; readonly token: string };
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
  private readonly queues: Record<QueueName, LocalQueue>;
  private readonly stream: LocalDeliveryStream;
  /** Where the delivery stream's objects go: the bucket, each notified to the ingest queue. */
  private readonly toBucket: StreamDestination;
  private readonly eventBus: LocalBus;
  /** The delivery side's totals when it runs on another thread (see putDeliveredObject). */
  private remote: Omit<DeliveryCounts, 'usage'> = { bus: { received: 0, toDeliveryStream: 0, unmatched: 0 }, delivery: { records: 0, objects: 0 }, archived: 0 };
  /** Every event the archive's pattern matched, for replay (./archive.ts). */
  readonly archive: LocalArchive;
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
    private readonly secrets: LocalSecrets,
    private readonly options: LocalPipelineOptions,
  ) {
    this.names = tenantNames(tenant);
    this.client = this.meter.attach(createDynamoClient(endpoint));
    this.ddb = documentClient(this.client);
    this.s3 = this.meter.attach(createS3Client(objectStore.endpoint));
    this.topic = new LocalTopic(this.arns.topic(this.names.findingsTopic), this.meter);
    this.queues = Object.fromEntries(
      Object.values(QUEUES).map((spec) => [
        spec.name,
        new LocalQueue({
          arn: this.arns.arn('sqs', this.names.queue(spec.name)),
          url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${this.names.queue(spec.name)}`,
          region: REGION,
          batchSize: spec.batchSize,
          maxReceiveCount: options.maxReceiveCount ?? spec.maxReceiveCount,
          meter: this.meter,
        }),
      ]),
    ) as Record<QueueName, LocalQueue>;
    this.invoker = new LocalInvoker({
      environment: (fn) => ({
        ...functionEnvironment(fn, tenant, { tables, bucket, topicArn: this.topic.arn, oktaOrgUrl: options.okta?.orgUrl }),
        [ENV.dynamoEndpoint]: endpoint,
        [ENV.secretsEndpoint]: secrets.endpoint,
        [ENV.s3Endpoint]: objectStore.endpoint,
      }),
      functionName: (fn) => this.names.function(fn),
      meter: this.meter,
    });
    this.toBucket = bucketDestination({
      bucket,
      s3: this.s3,
      meter: this.meter,
      // S3 notifies the ingest queue of each object (the notification is free; the queue's requests are not).
      onObject: (key, size, time) => this.queues['ingest-objects'].send(objectCreatedMessage(bucket, key, size, time, REGION)),
    });
    this.stream = new LocalDeliveryStream({ name: this.names.deliveryStream, meter: this.meter, write: this.toBucket });
    this.archive = new LocalArchive(tenant.archive.retentionDays);
    this.eventBus = new LocalBus(
      busRules(),
      { deliveryStream: (body, at) => this.deliver(body, at), archive: (body, at) => this.archive.append(body, at) },
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
    const secrets = await LocalSecrets.start();
    if (options.okta) secrets.put(secretName(tenant.id, 'okta-api-token'), options.okta.token);
    process.env.POWERTOOLS_LOG_LEVEL ??= process.env.VIGIL_LOG_LEVEL ?? 'SILENT';
    const pipeline = new LocalPipeline(tenant, tables, endpoint, bucket, dynamo, objectStore, secrets, options);
    setClients({ ddb: pipeline.ddb, s3: pipeline.s3, sns: pipeline.topic });
    return pipeline;
  }

  async close(): Promise<void> {
    setClients(undefined);
    this.archive.close();
    this.s3.destroy();
    await this.objectStore.close();
    await this.secrets.close();
    await this.dynamo?.close();
  }

  /** Messages published to the findings topic, in order. */
  get published(): PublishedMessage[] {
    return this.topic.published;
  }

  /** What the event bus received and where its rules sent it. */
  get bus(): BusStats {
    const [here, there] = [this.eventBus.stats, this.remote.bus];
    return { received: here.received + there.received, toDeliveryStream: here.toDeliveryStream + there.toDeliveryStream, unmatched: here.unmatched + there.unmatched };
  }

  /** How many events the archive holds. */
  get archived(): number {
    return this.archive.archived + this.remote.archived;
  }

  /** Messages SQS gave up on (moved to a queue's dead-letter queue after maxReceiveCount receives). */
  get deadLetters(): DeadLetter[] {
    return Object.values(this.queues).flatMap((q) => q.deadLetters);
  }

  /** What the delivery stream received and the objects it wrote. */
  get delivery(): { records: number; objects: number } {
    const [here, there] = [this.stream.stats, this.remote.delivery];
    return { records: here.records + there.records, objects: here.objects + there.objects };
  }

  /** Invoke a handler the way Lambda would, with that function's environment only. */
  invoke<T = unknown>(fn: LambdaName, payload: unknown): Promise<T> {
    return this.invoker.invoke<T>(fn, payload);
  }

  /**
   * PutEvents onto the tenant bus at a time (the simulated clock; default now): route by the deployed
   * rule's pattern to the delivery stream. An object the stream writes on the way is ingested, and its
   * near-time events evaluated, before this returns. `body`: the event's JSON when the caller has it (read from a file).
   */
  put(event: unknown, at = Date.now(), body?: string): Promise<void> {
    return this.eventBus.put(event, at, body);
  }

  /**
   * Replay the archived events that reached the bus from `from` to `to` (epoch ms), in the order they came, each with
   * the top-level `replay-name`, to the ingest rule only, as arriving at `at` (default now). Returns how many.
   */
  async replayArchive(name: string, from: number, to: number, at = Date.now()): Promise<number> {
    let n = 0;
    for await (const { event } of this.archive.between(from, to, at)) {
      await this.eventBus.replay(event, name, at);
      n++;
    }
    return n;
  }

  /** A record that reached the delivery stream as-is (what a malformed record in an object looks like). */
  async putRaw(body: string, at = Date.now()): Promise<void> {
    await this.deliver(body, at);
  }

  /**
   * The delivery side on another thread (the bus, the archive appending to this runtime's file, the delivery stream:
   * ../cli/delivery-thread.ts): an object its stream wrote is put in the bucket and ingested here, as one written by
   * this runtime's stream is.
   */
  async putDeliveredObject(object: StreamObject): Promise<void> {
    await this.toBucket(object);
    await this.processObjects();
  }

  /** What the delivery side on another thread counted (see putDeliveredObject): its totals, and its requests since it last said. */
  countDelivery({ usage, ...totals }: DeliveryCounts): void {
    this.remote = totals;
    for (const { service, operation, component, resource, ...quantities } of usage) this.meter.record({ service, operation, component, resource }, quantities);
  }

  private async deliver(body: string, at: number): Promise<void> {
    if (await this.stream.put(body, at)) await this.processObjects();
  }

  /** Time has moved on to `now`: the delivery stream writes a buffer whose interval has passed, and it is processed. */
  async advanceTo(now: number): Promise<void> {
    if (await this.stream.flushDue(now)) await this.processObjects();
  }

  /**
   * Write what the delivery stream holds (as its interval would) and let the event source mappings drain
   * the queues: each object indexed, then its near-time events evaluated. Returns the batches and how many
   * record receives failed (see ./queue.ts).
   */
  async drain(): Promise<{ batches: number; failures: number }> {
    await this.stream.flush();
    return this.processObjects();
  }

  private async processObjects(): Promise<{ batches: number; failures: number }> {
    return this.queues['ingest-objects'].drain((event: SQSEvent) => this.invoke<SQSBatchResponse>('ingest', event));
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
    return (this.machine ??= new LocalStateMachine(this.definition(), { functions, dynamo: this.client, retryAtOnce: TASK_STATES }));
  }

  /** The hours the hourly run scheduled at this time would find pending: Plan's own query, claiming nothing (not billed: the simulation asks). */
  pendingHours(scheduledTime: string): Promise<string[]> {
    return this.meter.within(SIMULATION, () => pendingHours(this.ddb, this.tables.hours, this.tenant.id, scheduledTime, this.tenant.schedule.gracePeriodMinutes, Date.now(), this.tenant.retentionDays));
  }

  /** The daily schedule: Activity roll-up and digest. */
  runDaily(scheduledTime: string) {
    this.meter.record({ service: 'Scheduler', operation: 'Invoke', component: 'schedules' }, { requests: 1 });
    return this.invoke<DailyOutput>('daily', dailyRunInput(this.tenant.id, scheduledTime));
  }

  refreshUser(user: string, options: { hours?: number; asOf?: string } = {}) {
    return this.invoke('refresh-user', { tenantId: this.tenant.id, user, ...options });
  }
}

/** Findings stored for an hour (what the pipeline found, whether or not it notified). */
export async function storedFindings(pipeline: LocalPipeline, hour: string) {
  return pipeline.meter.within(SIMULATION, () => findingsForHour(pipeline.ddb, pipeline.tables.findings, hour));
}

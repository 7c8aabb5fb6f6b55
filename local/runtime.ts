/**
 * The local runtime: one tenant's pipeline on this machine, with no AWS account.
 *
 * Same parts as in AWS: the event patterns route events (src/events/patterns.ts), the Lambda handlers
 * run as they are (functions/*), with the environment the stack gives them (functionEnvironment), the
 * hourly workflow definition (src/workflow/hourly-state-machine.ts) runs in aws-local-stepfunctions, and DynamoDB is a
 * real DynamoDB-compatible server (dynalite). SNS has no local implementation: publishes are recorded
 * in memory instead (the one mock).
 */
import { DynamoDBClient, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Context, SQSEvent } from 'aws-lambda';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, documentClient, setClients } from '../src/aws/clients';
import { findingsForHour } from '../src/store/findings';
import { nearTimeEventTypes, resolveCatalog } from '../src/detections/catalog';
import { ingestPattern, matches, nearTimePatterns, type EventPattern } from '../src/events/patterns';
import { functionEnvironment } from '../src/pipeline/config';
import { ENV, TABLE_VARIABLE_PREFIX } from '../src/pipeline/env';
import { LAMBDAS, type LambdaName } from '../src/pipeline/lambdas';
import { QUEUES } from '../src/pipeline/queues';
import { dailyRunInput, hourlyRunInput } from '../src/pipeline/schedules';
import type { TableName } from '../src/pipeline/tables';
import type { Tenant } from '../src/tenants/schema';
import { DYNAMODB_QUERY, DYNAMODB_UPDATE_ITEM, hourlyWorkflow } from '../src/workflow/hourly-state-machine';
import { LAMBDA_STATES } from '../src/workflow/names';
import { TenantArns, tenantNames, type TenantNames } from '../stacks/naming';
import { createTenantTables, startDynalite, type LocalDynamo } from './dynamo';

export interface PublishedMessage {
  readonly input: PublishCommandInput;
  readonly at: string;
  /** Parsed default (JSON) message. */
  readonly body: { kind: string; tenantId: string; severity: string; total: number; findings: Array<Record<string, unknown>> };
}

export interface BusStats {
  received: number;
  toBuffer: number;
  toNearTime: number;
  unmatched: number;
}

export interface HourlyExecution {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly output?: unknown;
  readonly error?: string;
}

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

/** Serialises handler invocations: each runs with exactly its own function's environment. */
class InvocationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: name,
    memoryLimitInMB: '256',
    awsRequestId: `local-${Math.random().toString(16).slice(2)}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface LocalPipelineOptions {
  /** Use an existing DynamoDB endpoint instead of starting dynalite. */
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

interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  receiveCount: number;
}

export class LocalPipeline {
  readonly published: PublishedMessage[] = [];
  readonly bus: BusStats = { received: 0, toBuffer: 0, toNearTime: 0, unmatched: 0 };
  readonly topicArn: string;
  readonly ingestPattern: EventPattern = ingestPattern();
  readonly nearTimePatterns: EventPattern[];
  /** Messages SQS gave up on (moved to the buffer's dead-letter queue after maxReceiveCount receives). */
  readonly deadLetters: Array<{ messageId: string; body: string }> = [];
  private readonly buffer: QueuedMessage[] = [];
  private readonly queue = new InvocationQueue();
  private messageSeq = 0;
  private executionSeq = 0;
  /** Resource names and ARNs as the tenant stack gives them, in the local runtime's pretend account. */
  private readonly names: TenantNames;
  private readonly arns = new TenantArns(REGION, ACCOUNT);
  /** This runtime's own clients on the local server (tests may swap the handlers' clients; these stay). */
  private readonly client: DynamoDBClient;
  readonly ddb: DynamoDBDocumentClient;

  private constructor(
    readonly tenant: Tenant,
    readonly tables: Record<TableName, string>,
    readonly endpoint: string,
    private readonly dynamo: LocalDynamo | undefined,
    private readonly options: LocalPipelineOptions,
  ) {
    this.names = tenantNames(tenant);
    this.topicArn = this.arns.topic(this.names.findingsTopic);
    this.nearTimePatterns = nearTimePatterns(nearTimeEventTypes(resolveCatalog(tenant.detections)));
    this.client = createDynamoClient(endpoint);
    this.ddb = documentClient(this.client);
  }

  static async start(tenant: Tenant, options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
    const dynamo = options.dynamoEndpoint ? undefined : await startDynalite();
    const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    const tables = await createTenantTables(endpoint, tenant.id);
    process.env.POWERTOOLS_LOG_LEVEL ??= process.env.VIGIL_LOG_LEVEL ?? 'SILENT';
    const pipeline = new LocalPipeline(tenant, tables, endpoint, dynamo, options);
    setClients({
      ddb: pipeline.ddb,
      dynamo: pipeline.client,
      sns: {
        publish: async (input) => {
          pipeline.published.push({ input, at: new Date().toISOString(), body: JSON.parse(JSON.parse(input.Message!).default) });
          return { MessageId: `local-${pipeline.published.length}` };
        },
      },
    });
    return pipeline;
  }

  async close(): Promise<void> {
    setClients(undefined);
    await this.dynamo?.close();
  }

  /** Invoke a handler the way Lambda would, with that function's environment only. */
  invoke<T = unknown>(fn: LambdaName, payload: unknown): Promise<T> {
    return this.queue.run(async () => {
      const env = functionEnvironment(fn, this.tenant, { tables: this.tables, topicArn: this.topicArn });
      const saved = { ...process.env };
      for (const k of Object.keys(process.env)) if (k.startsWith(TABLE_VARIABLE_PREFIX) || k === ENV.topicArn) delete process.env[k];
      Object.assign(process.env, env, { [ENV.dynamoEndpoint]: this.endpoint });
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(`../${LAMBDAS[fn].entry.replace(/\.ts$/, '')}`) as { handler: (e: unknown, c: Context) => Promise<T> };
        return await mod.handler(payload, lambdaContext(this.names.function(fn)));
      } finally {
        for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
        Object.assign(process.env, saved);
      }
    });
  }

  /** PutEvents onto the tenant bus: route by the same patterns as the deployed rules. */
  async put(event: unknown): Promise<void> {
    this.bus.received++;
    let routed = false;
    if (matches(this.ingestPattern, event)) {
      this.buffer.push({ messageId: `msg-${++this.messageSeq}`, body: JSON.stringify(event), receiveCount: 0 });
      this.bus.toBuffer++;
      routed = true;
    }
    if (this.nearTimePatterns.some((p) => matches(p, event))) {
      this.bus.toNearTime++;
      routed = true;
      await this.invoke('near-time', event);
    }
    if (!routed) this.bus.unmatched++;
  }

  /** Deliver a raw body to the buffer queue as-is (what a malformed message looks like). */
  enqueueRaw(body: string): void {
    this.buffer.push({ messageId: `msg-${++this.messageSeq}`, body, receiveCount: 0 });
  }

  /**
   * Let the event source mapping drain the buffer queue into the ingest function, as SQS does: a record
   * reported in batchItemFailures, or every record of an invocation that failed, comes back (once its
   * visibility timeout has passed: here, later in the same drain) until maxReceiveCount receives, then
   * goes to the dead-letter queue. Returns the batches and how many record receives failed.
   */
  async drain(): Promise<{ batches: number; failures: number }> {
    const size = this.options.batchSize ?? QUEUES['ingest-buffer'].batchSize;
    const maxReceives = this.options.maxReceiveCount ?? QUEUES['ingest-buffer'].maxReceiveCount;
    let batches = 0;
    let failures = 0;
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, size);
      for (const m of batch) m.receiveCount++;
      const event: SQSEvent = {
        Records: batch.map((m) => ({
          messageId: m.messageId,
          receiptHandle: m.messageId,
          body: m.body,
          attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(Date.now()), SenderId: 'events.amazonaws.com', ApproximateFirstReceiveTimestamp: String(Date.now()) },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: this.arns.arn('sqs', this.names.queue(QUEUES['ingest-buffer'].name)),
          awsRegion: REGION,
        })),
      };
      let failed: Set<string>;
      try {
        const res = await this.invoke<{ batchItemFailures: Array<{ itemIdentifier: string }> }>('ingest', event);
        failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
      } catch {
        failed = new Set(batch.map((m) => m.messageId)); // the invocation failed: the whole batch comes back
      }
      batches++;
      failures += failed.size;
      for (const m of batch) {
        if (!failed.has(m.messageId)) continue;
        if (m.receiveCount >= maxReceives) this.deadLetters.push({ messageId: m.messageId, body: m.body });
        else this.buffer.push(m);
      }
    }
    return { batches, failures };
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

  /** Local implementations for every Task state of the definition, by state name. */
  private taskHandlers(definition: Record<string, unknown>): Record<string, (input: unknown) => Promise<unknown>> {
    const byArn = new Map((Object.keys(LAMBDAS) as LambdaName[]).map((fn) => [this.functionArn(fn), fn]));
    const lowLevel = this.client;
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const walk = (states: Record<string, Record<string, unknown>>) => {
      for (const [name, state] of Object.entries(states)) {
        if (state.Type === 'Map') walk(((state.ItemProcessor ?? state.Iterator) as { States: Record<string, Record<string, unknown>> }).States);
        if (state.Type !== 'Task') continue;
        const resource = state.Resource as string;
        const fn = byArn.get(resource);
        if (fn) handlers[name] = (input) => this.invoke(fn, input);
        else if (resource === DYNAMODB_QUERY || resource === DYNAMODB_UPDATE_ITEM) {
          handlers[name] = async (input) => {
            try {
              const out = resource === DYNAMODB_QUERY ? await lowLevel.send(new QueryCommand(input as never)) : await lowLevel.send(new UpdateItemCommand(input as never));
              const { $metadata: _m, ...rest } = out;
              return rest;
            } catch (err) {
              const e = err as Error;
              const wrapped = new Error(e.message);
              wrapped.name = `DynamoDB.${e.name}`; // how Step Functions names service errors
              throw wrapped;
            }
          };
        } else throw new Error(`no local implementation for Task state ${name} (${resource})`);
      }
    };
    walk(definition.States as Record<string, Record<string, unknown>>);
    return handlers;
  }

  /** What EventBridge Scheduler does every hour: start the workflow for the hour just closed. */
  async runHourly(scheduledTime: string, hours: string[] = []): Promise<HourlyExecution> {
    return this.startExecution({ ...hourlyRunInput(this.tenant.id, scheduledTime, hours) }, scheduledTime);
  }

  /** Start the hourly workflow with any input, as a person would from the console or the CLI. */
  async startExecution(input: Record<string, unknown>, startTime = new Date().toISOString()): Promise<HourlyExecution> {
    await this.drain();
    const definition = this.definition();
    const machine = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.taskHandlers(definition) as never, retryIntervalOverrides: Object.fromEntries(LAMBDA_STATES.map((s) => [s, 0])) },
      context: { Execution: { Id: this.arns.arn('states', `execution:${this.names.stateMachine}:local-${++this.executionSeq}`), StartTime: startTime, Input: input } } as never,
    });
    try {
      return { status: 'SUCCEEDED', output: await execution.result };
    } catch (err) {
      return { status: 'FAILED', error: `${(err as Error).name}: ${(err as Error).message}` };
    }
  }

  /** The daily schedule: Activity roll-up and digest. */
  runDaily(scheduledTime: string) {
    return this.invoke<{ day: string; users: number; events: number; findings: number; digest: boolean }>('daily', dailyRunInput(this.tenant.id, scheduledTime));
  }

  refreshUser(user: string, options: { hours?: number; asOf?: string } = {}) {
    return this.invoke('refresh-user', { tenantId: this.tenant.id, user, ...options });
  }
}

/** Findings stored for an hour (what the pipeline found, whether or not it notified). */
export async function storedFindings(pipeline: LocalPipeline, hour: string) {
  return findingsForHour(pipeline.ddb, pipeline.tables.findings, hour);
}

/**
 * Counts the requests AWS would bill, as AWS measures them: one AWS SDK v3 middleware attached to any
 * client (`meter.attach(client)`), plus explicit counts from the local adapters of services that have no
 * SDK client locally (the bus, the queue, Lambda invocations, state transitions).
 *
 * Each request is recorded under its service, operation, resource (a table, a function) and the
 * component that made it (the Lambda function running, or the runtime part: see `within`), with the
 * sizes AWS bills by: payload bytes, 64 KB chunks (SQS, SNS, EventBridge), 5 KB-rounded record bytes
 * (Firehose), DynamoDB capacity units (asked of DynamoDB with ReturnConsumedCapacity), GB-seconds.
 * Prices are applied elsewhere (src/cost): this only measures.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const KB = 1024;
/** SQS, SNS and EventBridge bill a request (or event) per 64 KB chunk of payload. */
export const CHUNK_BYTES = 64 * KB;
/** Firehose bills ingested bytes per record, rounded up to the next 5 KB. */
export const FIREHOSE_RECORD_STEP = 5 * KB;

export interface UsageKey {
  /** e.g. `DynamoDB`, `SQS`, `Lambda`, `States`. */
  readonly service: string;
  /** The API (`PutItem`, `SendMessage`), or what is billed (`Invoke`, `StateTransition`, `PutEvents`). */
  readonly operation: string;
  /** Who made the request: a Lambda function's name, or a part of the runtime. */
  readonly component: string;
  /** The table, function, queue or bucket. @default '' */
  readonly resource?: string;
}

export interface Quantities {
  requests: number;
  /** Request payload bytes. */
  bytes: number;
  /** Response payload bytes (as the response's Content-Length says). */
  responseBytes: number;
  /** Billed 64 KB chunks: each message or event counts at least one. */
  chunks: number;
  /** DynamoDB read and write request units. */
  readUnits: number;
  writeUnits: number;
  /** Firehose: ingested bytes, each record rounded up to 5 KB. */
  firehoseBytes: number;
  /** Lambda: milliseconds (each invocation rounded up to 1 ms) and GB-seconds. */
  durationMs: number;
  gbSeconds: number;
}

export type Usage = UsageKey & Quantities;

/** The component of requests made outside any `within`: by the runtime itself (a schedule, an event source). */
export const OUTSIDE = 'runtime';
/** The component of requests a simulation or the cost model makes to look at the state: not the pipeline's, not billed. */
export const SIMULATION = 'simulation';

const ZERO: Quantities = { requests: 0, bytes: 0, responseBytes: 0, chunks: 0, readUnits: 0, writeUnits: 0, firehoseBytes: 0, durationMs: 0, gbSeconds: 0 };

/** The billed 64 KB chunks of a payload (an empty payload is still one). */
export function chunksOf(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / CHUNK_BYTES));
}

/** Lambda duration as billed: rounded up to the millisecond, times the configured memory. */
export function lambdaGbSeconds(durationMs: number, memoryMb: number): number {
  return (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

interface Call {
  injectedCapacity?: boolean;
  firehoseBytes?: number;
}
const CALL = Symbol('vigil.requestMeter');

type Middleware = (next: (args: any) => Promise<any>, context: any) => (args: any) => Promise<any>;
interface MeterableClient {
  readonly middlewareStack: { add(m: Middleware, options: Record<string, unknown>): void };
}

export class RequestMeter {
  private readonly rows = new Map<string, Usage>();
  private readonly scope = new AsyncLocalStorage<string>();

  /** Run `fn` with every request it makes recorded under `component` (the innermost `within` wins). */
  within<T>(component: string, fn: () => T): T {
    return this.scope.run(component, fn);
  }

  /** The component requests made here are recorded under. */
  get component(): string {
    return this.scope.getStore() ?? OUTSIDE;
  }

  /** Add to a row: the explicit counters of the local adapters, and the middleware. */
  record(key: Omit<UsageKey, 'component'> & { readonly component?: string }, quantities: Partial<Quantities>): void {
    const full = { service: key.service, operation: key.operation, component: key.component ?? this.component, resource: key.resource ?? '' };
    const id = `${full.service}\u0000${full.operation}\u0000${full.component}\u0000${full.resource}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { ...full, ...ZERO }));
    for (const [k, v] of Object.entries(quantities) as Array<[keyof Quantities, number]>) row[k] += v;
  }

  /** Everything recorded so far, one row per service, operation, component and resource. */
  usage(): Usage[] {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }

  reset(): void {
    this.rows.clear();
  }

  /**
   * Count every request the client sends from now on. DynamoDB is asked for ReturnConsumedCapacity
   * (and the answer removed again when the caller did not ask for it).
   */
  attach<C extends MeterableClient>(client: C): C {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call: Call = (context[CALL] = {});
        const input = args.input ?? {};
        if (context.clientName === 'DynamoDBClient' && input.ReturnConsumedCapacity === undefined) {
          call.injectedCapacity = true;
          return next({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } });
        }
        if (context.clientName === 'FirehoseClient') {
          const records: Array<{ Data?: Uint8Array }> = input.Records ?? (input.Record ? [input.Record] : []);
          call.firehoseBytes = records.reduce((n, r) => n + Math.ceil((r.Data?.byteLength ?? 0) / FIREHOSE_RECORD_STEP) * FIREHOSE_RECORD_STEP, 0);
        }
        return next(args);
      },
      { step: 'initialize', name: 'vigilRequestMeterInput', override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call: Call = context[CALL] ?? {};
        const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
        const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        const input = args.input ?? {};
        const resource = String(input.TableName ?? input.FunctionName ?? input.QueueUrl ?? input.TopicArn ?? input.Bucket ?? input.DeliveryStreamName ?? Object.keys(input.RequestItems ?? input.TransactItems ?? {})[0] ?? '');
        const bytes = bodyBytes(args.request);
        const base: Partial<Quantities> = { requests: 1, bytes, chunks: chunksOf(bytes), firehoseBytes: call.firehoseBytes ?? 0 };
        let result;
        try {
          result = await next(args);
        } catch (err) {
          // A failed condition still consumes write capacity (one unit for an item up to 1 KB).
          const failedCondition = (err as Error).name === 'ConditionalCheckFailedException' || (err as Error).name === 'TransactionCanceledException';
          this.record({ service, operation, resource }, { ...base, writeUnits: failedCondition ? 1 : 0 });
          throw err;
        }
        const output = result.output ?? {};
        const units = service === 'DynamoDB' ? capacity(operation, output.ConsumedCapacity, input.ConsistentRead === true) : {};
        if (call.injectedCapacity) delete output.ConsumedCapacity;
        this.record({ service, operation, resource }, { ...base, ...units, responseBytes: Number(result.response?.headers?.['content-length'] ?? 0) });
        return result;
      },
      { step: 'finalizeRequest', name: 'vigilRequestMeter', override: true },
    );
    return client;
  }
}

function bodyBytes(request: { body?: unknown; headers?: Record<string, string> } | undefined): number {
  const body = request?.body;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return Number(request?.headers?.['content-length'] ?? 0);
}

/**
 * DynamoDB's answer, as read or write units by operation. A read that finds nothing still costs the
 * minimum (1 unit strongly consistent, 0.5 eventually), as AWS bills it.
 */
function capacity(operation: string, consumed: unknown, consistent: boolean): Partial<Quantities> {
  const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{ CapacityUnits?: number }>;
  const units = list.reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
  if (READS.has(operation)) return { readUnits: Math.max(units, consistent ? 1 : 0.5) };
  if (WRITES.has(operation)) return { writeUnits: Math.max(units, 1) };
  return {};
}

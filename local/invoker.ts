/**
 * Lambda, locally: runs a function's handler (functions/*, as they are) with exactly that function's
 * environment, one invocation at a time, since the environment is the process's.
 */
import type { Context } from 'aws-lambda';
import { lambdaGbSeconds, OUTSIDE, type RequestMeter } from '../src/aws/request-meter';
import { LAMBDAS, memoryOf, timeoutOf, type LambdaName, type LambdaSpec } from '../src/pipeline/lambdas';
import { boundHeap } from './heap-bound';

export interface InvokerOptions {
  /** The environment a function runs with: what the stack sets on it. */
  environment(fn: LambdaName): Readonly<Record<string, string>>;
  /** The deployed function's name, for the Lambda context. */
  functionName(fn: LambdaName): string;
  /** The handler of a function. @default the `handler` export of the function's entry file (LAMBDAS[fn].entry) */
  handler?(fn: LambdaName): LambdaHandler;
  /** Counts each invocation (duration and GB-seconds from the function's memory) and files the requests it makes under the function. @default - not counted */
  meter?: RequestMeter;
}

export type LambdaHandler<T = unknown> = (event: unknown, context: Context) => Promise<T>;

export class LocalInvoker {
  private tail: Promise<unknown> = Promise.resolve();
  /** Every variable some function is given: hidden from the process while another function runs. */
  private readonly functionVariables: ReadonlySet<string>;

  constructor(private readonly options: InvokerOptions) {
    this.functionVariables = new Set((Object.keys(LAMBDAS) as LambdaName[]).flatMap((fn) => Object.keys(options.environment(fn))));
  }

  /** Invoke a handler the way Lambda would, with that function's environment only; invocations run one after another. */
  invoke<T = unknown>(fn: LambdaName, payload: unknown): Promise<T> {
    const handle = () => this.withEnvironment(this.options.environment(fn), () => this.handler<T>(fn)(payload, lambdaContext(this.options.functionName(fn), LAMBDAS[fn])));
    const run = this.options.meter ? () => this.metered(fn, payload, handle) : handle;
    const next = this.tail.then(run, run).finally(() => boundHeap());
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async metered<T>(fn: LambdaName, payload: unknown, handle: () => Promise<T>): Promise<T> {
    const meter = this.options.meter!;
    // Invoked by an event source or a schedule rather than by a workflow: X-Ray starts a trace here.
    if (meter.component === OUTSIDE) meter.record({ service: 'XRay', operation: 'TraceStart', component: fn }, { requests: 1 });
    const started = performance.now();
    try {
      return await meter.within(fn, handle);
    } finally {
      const durationMs = Math.ceil(performance.now() - started);
      meter.record({ service: 'Lambda', operation: 'Invoke', component: fn, resource: fn }, { requests: 1, bytes: Buffer.byteLength(JSON.stringify(payload) ?? ''), durationMs, gbSeconds: lambdaGbSeconds(durationMs, memoryOf(LAMBDAS[fn])) });
    }
  }

  private handler<T>(fn: LambdaName): LambdaHandler<T> {
    if (this.options.handler) return this.options.handler(fn) as LambdaHandler<T>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`../${LAMBDAS[fn].entry.replace(/\.ts$/, '')}`) as { handler: LambdaHandler<T> }).handler;
  }

  private async withEnvironment<T>(env: Readonly<Record<string, string>>, run: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (this.functionVariables.has(k)) delete process.env[k];
    Object.assign(process.env, env);
    try {
      return await run();
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }
}

/** The context Lambda passes a handler: the function's name, and its memory and time out of its spec. */
function lambdaContext(name: string, spec: LambdaSpec): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: name,
    memoryLimitInMB: String(memoryOf(spec)),
    awsRequestId: `local-${Math.random().toString(16).slice(2)}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => timeoutOf(spec) * 1000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

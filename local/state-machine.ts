/**
 * Step Functions, locally: a state machine definition (the hourly workflow, as deployed) runs in
 * aws-local-stepfunctions. Its Lambda Tasks invoke the local functions by ARN, its DynamoDB Tasks call
 * the local DynamoDB server, and retries of the Tasks do not wait.
 */
import { DynamoDBClient, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import { isTransient } from '../src/aws/transient';
import { DYNAMODB_QUERY, DYNAMODB_UPDATE_ITEM } from '../src/workflow/hourly-state-machine';

export interface HourlyExecution {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly output?: unknown;
  readonly error?: string;
  /** State transitions, as Step Functions bills them: every state entered, every retry. */
  readonly transitions: number;
}

export interface LocalStateMachineOptions {
  /** What a Lambda Task's Resource may name: the local function behind each ARN. */
  readonly functions: ReadonlyMap<string, (input: unknown) => Promise<unknown>>;
  /** The client of the DynamoDB Tasks (the low-level API, as Step Functions' integrations speak DynamoDB JSON). */
  readonly dynamo: DynamoDBClient;
  /** Task states whose retries run at once instead of after their interval. */
  readonly retryAtOnce: readonly string[];
}

type TaskHandler = (input: unknown) => Promise<unknown>;
type States = Record<string, Record<string, unknown>>;

export class LocalStateMachine {
  private readonly machine: StateMachine;
  private readonly handlers: Record<string, TaskHandler>;

  /** Validates the definition (ARNs and paths) and finds a local implementation for every Task state. */
  constructor(
    readonly definition: Record<string, unknown>,
    private readonly options: LocalStateMachineOptions,
  ) {
    this.machine = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
    this.handlers = {};
    this.addHandlers(definition.States as States);
  }

  /** StartExecution, and wait for its end. */
  async run(input: Record<string, unknown>, execution: { readonly id: string; readonly startTime: string }): Promise<HourlyExecution> {
    const run = this.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.handlers as never, retryIntervalOverrides: Object.fromEntries(this.options.retryAtOnce.map((s) => [s, 0])) },
      context: { Execution: { Id: execution.id, StartTime: execution.startTime, Input: input } } as never,
    });
    let transitions = 0;
    const counted = (async () => {
      for await (const event of run.eventLogs) if (event.type === 'StateEntered' || event.type === 'StateRetried') transitions++;
    })();
    try {
      const output = await run.result;
      await counted;
      return { status: 'SUCCEEDED', output, transitions };
    } catch (err) {
      await counted.catch(() => undefined);
      return { status: 'FAILED', error: `${(err as Error).name}: ${(err as Error).message}`, transitions };
    }
  }

  private addHandlers(states: States): void {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Map') this.addHandlers(((state.ItemProcessor ?? state.Iterator) as { States: States }).States);
      if (state.Type !== 'Task') continue;
      const resource = state.Resource as string;
      const fn = this.options.functions.get(resource);
      if (fn) this.handlers[name] = fn;
      else if (resource === DYNAMODB_QUERY || resource === DYNAMODB_UPDATE_ITEM) this.handlers[name] = (input) => this.dynamoTask(resource, input);
      else throw new Error(`no local implementation for Task state ${name} (${resource})`);
    }
  }

  private async dynamoTask(resource: string, input: unknown): Promise<unknown> {
    try {
      const out = resource === DYNAMODB_QUERY ? await this.options.dynamo.send(new QueryCommand(input as never)) : await this.options.dynamo.send(new UpdateItemCommand(input as never));
      const { $metadata: _m, ...rest } = out;
      return rest;
    } catch (err) {
      const e = err as Error & { $metadata?: { httpStatusCode?: number } };
      const wrapped = new Error(e.message);
      // How Step Functions names service errors. A DynamoDB it cannot reach answers it with a 5xx: locally, a
      // connection that could not be made (no HTTP status) is that.
      const unreachable = e.$metadata?.httpStatusCode === undefined && isTransient(e);
      wrapped.name = `DynamoDB.${unreachable ? 'ServiceUnavailableException' : e.name}`;
      throw wrapped;
    }
  }
}

import { LocalInvoker, type LambdaHandler } from '../../local/invoker';
import { LAMBDAS, memoryOf, timeoutOf, type LambdaName } from '../../src/pipeline/lambdas';

const ENVIRONMENTS: Partial<Record<LambdaName, Record<string, string>>> = {
  plan: { TEST_INVOKER_TENANT: 't', TEST_INVOKER_TABLE_HOURS: 'hours' },
  notify: { TEST_INVOKER_TENANT: 't', TEST_INVOKER_TOPIC: 'arn:topic' },
};

function invoker(handler: (fn: LambdaName) => LambdaHandler) {
  return new LocalInvoker({ environment: (fn) => ENVIRONMENTS[fn] ?? {}, functionName: (fn) => `vigil-t-${fn}`, handler });
}

const variables = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('TEST_INVOKER_')));

describe('local Lambda invoker', () => {
  afterEach(() => {
    for (const k of Object.keys(variables())) delete process.env[k];
  });

  it('given functions with different environments, when each is invoked, then it sees exactly its own variables, not another function\'s left in the process', async () => {
    process.env.TEST_INVOKER_TOPIC = 'left over';
    const i = invoker(() => async (_event, context) => ({ name: context.functionName, env: variables() }));

    const plan = await i.invoke('plan', {});
    const notify = await i.invoke('notify', {});

    expect(plan).toEqual({ name: 'vigil-t-plan', env: { TEST_INVOKER_TENANT: 't', TEST_INVOKER_TABLE_HOURS: 'hours' } });
    expect(notify).toEqual({ name: 'vigil-t-notify', env: { TEST_INVOKER_TENANT: 't', TEST_INVOKER_TOPIC: 'arn:topic' } });
    expect(variables()).toEqual({ TEST_INVOKER_TOPIC: 'left over' });
  });

  it('given invocations started together, when one fails, then they still run one at a time and the next one runs', async () => {
    const log: string[] = [];
    const i = invoker((fn) => async () => {
      log.push(`start ${fn}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${fn}`);
      if (fn === 'plan') throw new Error('plan failed');
      return fn;
    });

    const [plan, notify] = await Promise.allSettled([i.invoke('plan', {}), i.invoke('notify', {})]);

    expect(log).toEqual(['start plan', 'end plan', 'start notify', 'end notify']);
    expect(plan).toMatchObject({ status: 'rejected', reason: new Error('plan failed') });
    expect(notify).toEqual({ status: 'fulfilled', value: 'notify' });
  });

  it('given a function, when invoked, then its context carries the deployed name and the memory and timeout of its spec', async () => {
    const i = invoker(() => async (_event, context) => ({ name: context.functionName, memory: context.memoryLimitInMB, remaining: context.getRemainingTimeInMillis() }));

    const context = await i.invoke('detect', {});

    expect(context).toEqual({ name: 'vigil-t-detect', memory: String(memoryOf(LAMBDAS.detect)), remaining: timeoutOf(LAMBDAS.detect) * 1000 });
  });
});

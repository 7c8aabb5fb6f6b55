import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LocalStateMachine } from '../../local/state-machine';
import { DYNAMODB_UPDATE_ITEM } from '../../src/workflow/hourly-state-machine';

const STEP = 'arn:aws:lambda:us-east-1:000000000000:function:vigil-t-step';
const unusedDynamo = {} as DynamoDBClient;
const execution = { id: 'arn:aws:states:us-east-1:000000000000:execution:vigil-t-hourly:local-1', startTime: '2026-11-02T10:15:00.000Z' };

describe('local state machine', () => {
  it('given a Lambda Task that fails once and retries after a minute, when run with its retries at once, then it succeeds without waiting, the retry billed as a second state transition', async () => {
    let calls = 0;
    const definition = {
      StartAt: 'Step',
      States: { Step: { Type: 'Task', Resource: STEP, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 60, MaxAttempts: 2 }], End: true } },
    };
    const machine = new LocalStateMachine(definition, {
      functions: new Map([[STEP, async () => (++calls === 1 ? Promise.reject(new Error('cold start')) : { ok: true })]]),
      dynamo: unusedDynamo,
      retryAtOnce: ['Step'],
    });

    const started = Date.now();
    const out = await machine.run({}, execution);

    expect(out).toEqual({ status: 'SUCCEEDED', output: { ok: true }, transitions: 2 });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('given a DynamoDB Task whose call fails, when run, then the error is named as Step Functions names service errors and can be caught by that name', async () => {
    const failing = { send: async () => Promise.reject(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' })) } as unknown as DynamoDBClient;
    const definition = {
      StartAt: 'Mark',
      States: {
        Mark: { Type: 'Task', Resource: DYNAMODB_UPDATE_ITEM, Parameters: { TableName: 'hours' }, Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.caught', Next: 'Caught' }], End: true },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const machine = new LocalStateMachine(definition, { functions: new Map(), dynamo: failing, retryAtOnce: [] });

    const out = await machine.run({}, execution);

    expect(out).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'DynamoDB.ConditionalCheckFailedException' } } });
  });

  it('given a Task whose resource has no local implementation, when the machine is made, then it says which state', () => {
    const definition = { StartAt: 'Elsewhere', States: { Elsewhere: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:not-local', End: true } } };

    expect(() => new LocalStateMachine(definition, { functions: new Map(), dynamo: unusedDynamo, retryAtOnce: [] })).toThrow('no local implementation for Task state Elsewhere (arn:aws:lambda:us-east-1:000000000000:function:not-local)');
  });
});

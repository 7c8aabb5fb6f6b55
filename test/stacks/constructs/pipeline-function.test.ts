/** PipelineFunction alone: its role follows the spec (queues included, no function named), and its settings their ranges. */
import { Testing } from 'cdktf';
import { LAMBDAS, type LambdaSpec } from '../../../src/pipeline/lambdas';
import { DRAIN_ACTIONS } from '../../../stacks/constructs/pipeline-function';
import { emptyStack, pipelineFunction } from './support';

type Statement = { sid: string; actions: string[]; resources: string[]; condition?: Array<{ test: string; variable: string; values: string[] }> };

function statements(spec: LambdaSpec): Statement[] {
  const stack = emptyStack();
  pipelineFunction(stack, spec);
  const json = JSON.parse(Testing.synth(stack));
  return Object.values(json.data.aws_iam_policy_document as Record<string, { statement: Statement[] }>).find((d) => d.statement.some((s) => s.sid === 'WriteOwnLogs'))!.statement;
}

describe('PipelineFunction', () => {
  it('given a spec that drains a queue, whatever the function is called, when constructed, then its role may drain that queue', () => {
    const spec: LambdaSpec = { ...LAMBDAS.daily, drains: ['ingest-objects'] };
    expect(statements(spec)).toContainEqual(expect.objectContaining({ sid: 'DrainIngestObjects', actions: [...DRAIN_ACTIONS], resources: ['arn:aws:sqs:eu-west-1:111111111111:ingest-objects'] }));
  });

  it('given a spec that drains no queue, when constructed, then its role may only send its failed asynchronous invocations to their queue', () => {
    expect(statements(LAMBDAS.detect).filter((s) => s.actions.some((a) => a.startsWith('sqs:')))).toEqual([
      expect.objectContaining({ sid: 'SendFailedInvocations', actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:111111111111:failed-invocations'] }),
    ]);
  });

  it('given any function, when constructed, then its asynchronous invocations are retried twice for at most 6 hours and then kept in the failed-invocations queue', () => {
    const fn = pipelineFunction(emptyStack(), LAMBDAS.daily);
    expect(fn.asyncInvokeConfig.maximumEventAgeInSecondsInput).toBe(6 * 3600);
    expect(fn.asyncInvokeConfig.maximumRetryAttemptsInput).toBe(2);
    expect(fn.asyncInvokeConfig.destinationConfigInput?.onFailure?.destination).toBe('arn:aws:sqs:eu-west-1:111111111111:failed-invocations');
  });

  it('given a maximum event age over 6 hours, when constructed, then it fails: Lambda keeps events at most that long', () => {
    expect(() => pipelineFunction(emptyStack(), LAMBDAS.daily, { maximumEventAgeInSeconds: 21601 })).toThrow('test/fn-daily: maximumEventAgeInSeconds must be a whole number from 60 to 21600, got 21601');
  });

  it('given a spec that reads and writes an area of the bucket, when constructed, then its role may get and put objects under that prefix and list only that prefix', () => {
    const spec: LambdaSpec = { ...LAMBDAS.daily, objects: { state: 'readwrite' } };
    const s3 = statements(spec).filter((s) => s.actions.some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([
      expect.objectContaining({ sid: 'ObjectsStateReadwrite', actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::vigil-test-111111111111/state/*'] }),
      expect.objectContaining({ sid: 'ListState', actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::vigil-test-111111111111'], condition: [{ test: 'StringLike', variable: 's3:prefix', values: ['state/*'] }] }),
    ]);
  });

  it('given a spec that uses no area of the bucket, when constructed, then its role may use no object', () => {
    expect(statements(LAMBDAS.plan).flatMap((s) => s.actions).filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it("given the refresh-user spec, when constructed, then its role may read the tenant's Okta API token, that secret only", () => {
    const secrets = statements(LAMBDAS['refresh-user']).filter((s) => s.actions.some((a) => a.startsWith('secretsmanager:')));
    expect(secrets).toEqual([{ sid: 'ReadSecretOktaApiToken', actions: ['secretsmanager:GetSecretValue'], resources: ['arn:aws:secretsmanager:eu-west-1:111111111111:secret:vigil-test-okta-api-token-AbCdEf'] }]);
  });

  it('given a spec that reads no secret, when constructed, then its role may read none', () => {
    for (const spec of Object.values(LAMBDAS).filter((l) => !l.secrets)) expect(statements(spec).flatMap((s) => s.actions).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it.each([
    ['a timeout over 15 minutes', { timeoutSeconds: 901 }, /test\/fn-ingest: spec\.timeoutSeconds must be a whole number from 1 to 900, got 901/],
    ['memory under 128 MB', { memoryMb: 64 }, /spec\.memoryMb must be a whole number from 128 to 10240, got 64/],
  ])('given %s, when constructed, then it fails', (_what, override, message) => {
    const stack = emptyStack();
    expect(() => pipelineFunction(stack, { ...LAMBDAS.ingest, ...override })).toThrow(message);
  });

  it('given a log retention CloudWatch does not offer, when constructed, then it fails listing the ones it does', () => {
    expect(() => pipelineFunction(emptyStack(), LAMBDAS.ingest, { logRetentionDays: 31 })).toThrow(/logRetentionDays must be one of CloudWatch Logs' retention periods \(0, 1, 3, .*\), got 31/);
  });

  it.each([-1, 0])('given a reserved concurrency of %p, when constructed, then it fails (0 would stop the function)', (reservedConcurrency) => {
    expect(() => pipelineFunction(emptyStack(), LAMBDAS.ingest, { reservedConcurrency })).toThrow(`test/fn-ingest: reservedConcurrency must be a whole number, 1 or more, got ${reservedConcurrency}`);
  });

  it('given a timeout, when constructed, then the function exposes it for the queues it drains', () => {
    expect(pipelineFunction(emptyStack(), LAMBDAS.ingest).timeoutSeconds).toBe(LAMBDAS.ingest.timeoutSeconds);
  });
});

/** Test support for constructs tested alone: an empty stack to put one in, and a function to route to. */
import { Testing, TerraformStack } from 'cdktf';
import { LAMBDAS, type LambdaSpec } from '../../../src/pipeline/lambdas';
import { PipelineFunction, type PipelineFunctionProps } from '../../../stacks/constructs/pipeline-function';
import { exampleTenant, stubBundles } from '../support';

/** A stack of its own, `test`, for one construct under test. */
export function emptyStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

/** A PipelineFunction for `spec` (the ingest function's by default), with stand-in resources. */
export function pipelineFunction(scope: TerraformStack, spec: LambdaSpec = LAMBDAS.ingest, props: Partial<PipelineFunctionProps> = {}): PipelineFunction {
  return new PipelineFunction(scope, `fn-${spec.name}`, {
    tenant: exampleTenant('acme'),
    spec,
    functionName: `vigil-test-${spec.name}`,
    logGroupName: `/aws/lambda/vigil-test-${spec.name}`,
    resources: {
      kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/test',
      tableNames: { events: 'events', hours: 'hours', findings: 'findings', state: 'state', activity: 'activity' },
      tableArns: (t) => [`arn:aws:dynamodb:eu-west-1:111111111111:table/${t}`],
      bucketName: 'vigil-test-111111111111',
      bucketArn: 'arn:aws:s3:::vigil-test-111111111111',
      topicArn: 'arn:aws:sns:eu-west-1:111111111111:findings',
      queueArn: (q) => `arn:aws:sqs:eu-west-1:111111111111:${q}`,
      failedInvocationsQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:failed-invocations',
      secretArn: (sec) => `arn:aws:secretsmanager:eu-west-1:111111111111:secret:vigil-test-${sec}-AbCdEf`,
    },
    bundleDir: stubBundles(),
    ...props,
  });
}

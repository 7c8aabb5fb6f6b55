/** PipelineAlarms alone: a silent feed CloudWatch can evaluate; counts the functions log, alarmed. */
import { Testing } from 'cdktf';
import { LAMBDAS, type LambdaName } from '../../../src/pipeline/lambdas';
import { PipelineAlarms } from '../../../stacks/constructs/pipeline-alarms';
import { emptyStack } from './support';

const logGroups = Object.fromEntries(Object.keys(LAMBDAS).map((fn) => [fn, `/aws/lambda/vigil-test-${fn}`])) as Record<LambdaName, string>;

const alarms = (silentFeedHours?: number, scope = emptyStack()) =>
  new PipelineAlarms(scope, 'health', {
    topicName: 'ops',
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    subscriptions: [],
    subscriptionDeadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:subscription-dlq',
    alarmName: (what) => `vigil-test-${what}`,
    deliveryStreamName: 'events',
    silentFeedHours,
    deadLetterQueues: {},
    stateMachineArn: 'arn:aws:states:eu-west-1:111111111111:stateMachine:m',
    functions: {},
    logGroups,
    metricNamespace: 'Vigil/test',
  });

describe('PipelineAlarms', () => {
  it('given a silent feed of a day, when constructed, then the alarm evaluates 24 hourly periods', () => {
    expect(alarms(24).alarms[0].evaluationPeriodsInput).toBe(24);
  });

  it.each([0, 25])('given a silent feed of %p hours, when constructed, then it fails: CloudWatch evaluates 1 hour to 1 day', (hours) => {
    expect(() => alarms(hours)).toThrow(`test/health: silentFeedHours must be a whole number from 1 to 24, got ${hours}`);
  });

  it('given detect and ingest (near-time) log detection failures and plan expired hours, when constructed, then metric filters count them from their log groups and an alarm fires on any', () => {
    const stack = emptyStack();
    alarms(undefined, stack);
    const synth = JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, Record<string, unknown>>> };

    expect(Object.values(synth.resource.aws_cloudwatch_log_metric_filter)).toEqual([
      expect.objectContaining({ log_group_name: '/aws/lambda/vigil-test-detect', pattern: '{ $.detectionFailures > 0 }', metric_transformation: expect.objectContaining({ name: 'DetectionFailures', namespace: 'Vigil/test', value: '$.detectionFailures' }) }),
      expect.objectContaining({ log_group_name: '/aws/lambda/vigil-test-ingest', pattern: '{ $.detectionFailures > 0 }', metric_transformation: expect.objectContaining({ name: 'DetectionFailures', namespace: 'Vigil/test', value: '$.detectionFailures' }) }),
      expect.objectContaining({ log_group_name: '/aws/lambda/vigil-test-plan', pattern: '{ $.hoursExpired > 0 }', metric_transformation: expect.objectContaining({ name: 'HoursExpired', namespace: 'Vigil/test', value: '$.hoursExpired' }) }),
    ]);
    expect(Object.values(synth.resource.aws_cloudwatch_metric_alarm)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ alarm_name: 'vigil-test-detection-failures', namespace: 'Vigil/test', metric_name: 'DetectionFailures', threshold: 0, comparison_operator: 'GreaterThanThreshold' }),
        expect.objectContaining({ alarm_name: 'vigil-test-hours-expired', namespace: 'Vigil/test', metric_name: 'HoursExpired', threshold: 0, comparison_operator: 'GreaterThanThreshold' }),
      ]),
    );
  });
});

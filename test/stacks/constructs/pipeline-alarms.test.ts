/** PipelineAlarms alone: a silent feed CloudWatch can evaluate. */
import { PipelineAlarms } from '../../../stacks/constructs/pipeline-alarms';
import { emptyStack } from './support';

const alarms = (silentFeedHours?: number) =>
  new PipelineAlarms(emptyStack(), 'health', {
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
  });

describe('PipelineAlarms', () => {
  it('given a silent feed of a day, when constructed, then the alarm evaluates 24 hourly periods', () => {
    expect(alarms(24).alarms[0].evaluationPeriodsInput).toBe(24);
  });

  it.each([0, 25])('given a silent feed of %p hours, when constructed, then it fails: CloudWatch evaluates 1 hour to 1 day', (hours) => {
    expect(() => alarms(hours)).toThrow(`test/health: silentFeedHours must be a whole number from 1 to 24, got ${hours}`);
  });
});

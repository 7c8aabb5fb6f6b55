/** HourlyWorkflow alone: a concurrency and a log retention Step Functions and CloudWatch accept. */
import { HourlyWorkflow, type HourlyWorkflowProps } from '../../../stacks/constructs/hourly-workflow';
import { emptyStack } from './support';

const workflow = (props: Partial<HourlyWorkflowProps> = {}) =>
  new HourlyWorkflow(emptyStack(), 'hourly', {
    stateMachineName: 'vigil-acme-hourly',
    stateMachineArn: 'arn:aws:states:eu-west-1:111111111111:stateMachine:vigil-acme-hourly',
    logGroupName: '/aws/vendedlogs/states/vigil-acme-hourly',
    account: '111111111111',
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    planFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:plan',
    detectFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:detect',
    notifyFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:notify',
    eventsTableName: 'events',
    eventsTableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/events',
    hoursTableName: 'hours',
    hoursTableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/hours',
    ...props,
  });

describe('HourlyWorkflow', () => {
  it('given no log retention, when constructed, then the logs are kept 30 days', () => {
    expect(workflow().logGroup.retentionInDaysInput).toBe(30);
  });

  it('given a negative concurrency, when constructed, then it fails', () => {
    expect(() => workflow({ maxConcurrency: -1 })).toThrow('test/hourly: maxConcurrency must be a whole number from 0 to 1000, got -1');
  });

  it('given a log retention CloudWatch does not offer, when constructed, then it fails', () => {
    expect(() => workflow({ logRetentionDays: 45 })).toThrow(/test\/hourly: logRetentionDays must be one of CloudWatch Logs' retention periods .*, got 45/);
  });
});

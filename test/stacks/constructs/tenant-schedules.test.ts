/** TenantSchedules alone: the hourly minute and the daily time it is given must be ones Scheduler can run. */
import { TenantSchedules, type TenantSchedulesProps } from '../../../stacks/constructs/tenant-schedules';
import { emptyStack } from './support';

function schedules(props: Partial<TenantSchedulesProps> = {}): TenantSchedules {
  return new TenantSchedules(emptyStack(), 'schedules', {
    tenantId: 'acme',
    groupName: 'vigil-acme',
    prefix: 'vigil-acme',
    account: '111111111111',
    groupArn: 'arn:aws:scheduler:eu-west-1:111111111111:schedule-group/vigil-acme',
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    gracePeriodMinutes: 15,
    dailyAt: '06:00',
    stateMachineArn: 'arn:aws:states:eu-west-1:111111111111:stateMachine:vigil-acme-hourly',
    dailyFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:vigil-acme-daily',
    deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:vigil-acme-schedule-dlq',
    ...props,
  });
}

describe('TenantSchedules', () => {
  it('given the last minute of the hour and the last minute of the day, when constructed, then they are the schedules', () => {
    const s = schedules({ gracePeriodMinutes: 59, dailyAt: '23:59' });
    expect(s.hourly.scheduleExpressionInput).toBe('cron(59 * * * ? *)');
    expect(s.daily.scheduleExpressionInput).toBe('cron(59 23 * * ? *)');
  });

  it.each([60, -1, 7.5])('given a grace period of %p minutes, when constructed, then it fails: the hourly run needs a minute of the hour', (minutes) => {
    expect(() => schedules({ gracePeriodMinutes: minutes })).toThrow(`test/schedules: gracePeriodMinutes must be a whole number from 0 to 59, got ${minutes}`);
  });

  it.each(['24:00', '6:00', '06:60'])('given a daily time of %p, when constructed, then it fails: it must be HH:MM', (at) => {
    expect(() => schedules({ dailyAt: at })).toThrow(`test/schedules: dailyAt must be HH:MM (24-hour, UTC), got "${at}"`);
  });
});

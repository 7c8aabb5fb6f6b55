/**
 * The clock: EventBridge Scheduler, in a schedule group of the tenant's. Every hour, `gracePeriodMinutes`
 * past the hour, start the hourly workflow; every day at `dailyAt` (UTC), invoke the daily function.
 * Each schedule has its own role (allowed exactly its target), a retry policy and a dead-letter queue.
 */
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SchedulerScheduleGroup } from '@cdktf/provider-aws/lib/scheduler-schedule-group';
import { Construct } from 'constructs';
import { dailyRunInput, dailyRunTime, hourlyRunInput, hourlyRunMinute } from '../../src/pipeline/schedules';
import { checkWith } from './checks';
import { assumeRolePolicy, condition, policyDocument, useKey, type Statement } from './policy';

/** Scheduler's placeholder for the time a run was scheduled for (not when it ran). */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

/** `cron(<m> * * * ? *)`: every hour at minute `m` (hourlyRunMinute). */
export function hourlyCron(gracePeriodMinutes: number): string {
  return `cron(${hourlyRunMinute(gracePeriodMinutes)} * * * ? *)`;
}

/** `cron(<m> <h> * * ? *)` from `HH:MM` (dailyRunTime). */
export function dailyCron(dailyAt: string): string {
  const { hour, minute } = dailyRunTime(dailyAt);
  return `cron(${minute} ${hour} * * ? *)`;
}

/** The hourly run's input (hourlyRunInput), for the time Scheduler fills in. */
export function hourlyInput(tenantId: string): string {
  return JSON.stringify(hourlyRunInput(tenantId, SCHEDULED_TIME));
}

/** The daily run's input (dailyRunInput), for the time Scheduler fills in. */
export function dailyInput(tenantId: string): string {
  return JSON.stringify(dailyRunInput(tenantId, SCHEDULED_TIME));
}

export interface TenantSchedulesProps {
  readonly tenantId: string;
  readonly groupName: string;
  /** Schedule names are `<prefix>-hourly` and `<prefix>-daily`; so are their roles. */
  readonly prefix: string;
  readonly account: string;
  /** ARN of the schedule group (for the roles' trust policies). */
  readonly groupArn: string;
  readonly kmsKeyArn: string;
  /** The minute past every hour the hourly run starts (0-59): how long late events get to arrive. */
  readonly gracePeriodMinutes: number;
  /** When the daily run starts, `HH:MM` (UTC). */
  readonly dailyAt: string;
  readonly stateMachineArn: string;
  readonly dailyFunctionArn: string;
  /** Where Scheduler puts runs it could not deliver (sent with the schedule's role). */
  readonly deadLetterQueueArn: string;
}

export class TenantSchedules extends Construct {
  readonly group: SchedulerScheduleGroup;
  readonly hourly: SchedulerSchedule;
  readonly daily: SchedulerSchedule;

  constructor(scope: Construct, id: string, props: TenantSchedulesProps) {
    super(scope, id);
    checkWith(this, () => hourlyRunMinute(props.gracePeriodMinutes));
    checkWith(this, () => dailyRunTime(props.dailyAt));
    this.group = new SchedulerScheduleGroup(this, 'group', { name: props.groupName });

    const hourlyRole = this.role('hourly-role', `${props.prefix}-hourly-schedule`, props, {
      sid: 'StartHourlyWorkflow',
      actions: ['states:StartExecution'],
      resources: [props.stateMachineArn],
    });
    this.hourly = new SchedulerSchedule(this, 'hourly', {
      name: `${props.prefix}-hourly`,
      groupName: this.group.name,
      description: `Hourly detection, ${props.gracePeriodMinutes} minutes after each hour closes`,
      scheduleExpression: hourlyCron(props.gracePeriodMinutes),
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'OFF' },
      kmsKeyArn: props.kmsKeyArn,
      target: {
        arn: props.stateMachineArn,
        roleArn: hourlyRole.arn,
        input: hourlyInput(props.tenantId),
        // Give up before the next hourly run starts; Plan picks up unprocessed hours then.
        retryPolicy: { maximumEventAgeInSeconds: 3300, maximumRetryAttempts: 20 },
        deadLetterConfig: { arn: props.deadLetterQueueArn },
      },
    });

    const dailyRole = this.role('daily-role', `${props.prefix}-daily-schedule`, props, {
      sid: 'InvokeDailyFunction',
      actions: ['lambda:InvokeFunction'],
      resources: [props.dailyFunctionArn],
    });
    this.daily = new SchedulerSchedule(this, 'daily', {
      name: `${props.prefix}-daily`,
      groupName: this.group.name,
      description: `Daily activity roll-up and findings digest at ${props.dailyAt} UTC`,
      scheduleExpression: dailyCron(props.dailyAt),
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'OFF' },
      kmsKeyArn: props.kmsKeyArn,
      target: {
        arn: props.dailyFunctionArn,
        roleArn: dailyRole.arn,
        input: dailyInput(props.tenantId),
        retryPolicy: { maximumEventAgeInSeconds: 6 * 3600, maximumRetryAttempts: 20 },
        deadLetterConfig: { arn: props.deadLetterQueueArn },
      },
    });
  }

  private role(id: string, name: string, props: TenantSchedulesProps, invoke: Statement): IamRole {
    const scope = new Construct(this, id);
    const role = new IamRole(scope, 'role', {
      name,
      description: 'Vigil schedule target role',
      assumeRolePolicy: assumeRolePolicy(scope, 'trust', 'scheduler.amazonaws.com', [
        condition('StringEquals', 'aws:SourceAccount', props.account),
        condition('ArnLike', 'aws:SourceArn', props.groupArn),
      ]).json,
    });
    new IamRolePolicy(scope, 'policy', {
      name: 'least-privilege',
      role: role.id,
      policy: policyDocument(scope, 'permissions', [
        invoke,
        { sid: 'SendUndeliveredToDlq', actions: ['sqs:SendMessage'], resources: [props.deadLetterQueueArn] },
        // The DLQ, the schedule payload and the state machine are encrypted with the tenant key.
        useKey(props.kmsKeyArn),
      ]).json,
    });
    return role;
  }
}


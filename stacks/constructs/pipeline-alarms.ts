/**
 * The pipeline's health, as CloudWatch alarms on an operations topic (KMS) of its own — not the findings
 * topic, whose subscribers filter on a severity attribute alarms do not carry.
 *
 * - the feed is silent: nothing reached the delivery stream for `silentFeedHours` (a deactivated or
 *   expired Okta log stream, a detached partner source); missing data counts as silence;
 * - a dead-letter queue holds messages (events or schedules that could not be delivered);
 * - the hourly workflow failed (its hours are marked for reprocessing, but someone should look);
 * - a function reported errors;
 * - a count a function logs (src/pipeline/log-metrics.ts: detections that threw) is above 0, through a
 *   metric filter on the function's log group.
 */
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import type { LambdaName } from '../../src/pipeline/lambdas';
import { LOG_METRICS } from '../../src/pipeline/log-metrics';
import { TENANT_DEFAULTS } from '../../src/tenants/defaults';
import type { Tenant } from '../../src/tenants/schema';
import { literal } from '../literal';
import { checkInteger } from './checks';
import { subscriptionRedrivePolicy } from './findings-topic';

/** What each alarm watches, as the end of its name (`alarmName(what)`). */
export const ALARM_CHECKS = {
  feedSilent: 'feed-silent',
  workflowFailed: 'workflow-failed',
  deadLetters: (label: string) => `dlq-${label}`,
  errors: (label: string) => `errors-${label}`,
} as const;

/** The checks PipelineAlarms makes for these dead-letter queue and function labels, and one per log metric (the key policy names each alarm). */
export function alarmChecks(deadLetterQueueLabels: readonly string[], functionLabels: readonly string[]): string[] {
  return [ALARM_CHECKS.feedSilent, ...deadLetterQueueLabels.map(ALARM_CHECKS.deadLetters), ALARM_CHECKS.workflowFailed, ...functionLabels.map(ALARM_CHECKS.errors), ...Object.values(LOG_METRICS).map((m) => m.alarm)];
}

export interface PipelineAlarmsProps {
  /** The operations topic alarms publish to. */
  readonly topicName: string;
  readonly kmsKeyArn: string;
  /** Who is told about alarms, from the tenant file. */
  readonly subscriptions: Tenant['operations']['subscriptions'];
  /** Where SNS puts alarms it could not deliver to a subscriber after its retries. */
  readonly subscriptionDeadLetterQueueArn: string;
  /** Alarm name for a given check, e.g. `vigil-acme-feed-silent`. */
  readonly alarmName: (what: string) => string;
  /** The delivery stream: every Okta event passes through it. */
  readonly deliveryStreamName: string;
  /** Hours without any event before the feed counts as silent (1-24: CloudWatch evaluates at most a day). @default TENANT_DEFAULTS.silentFeedHours (6) */
  readonly silentFeedHours?: number;
  /** Dead-letter queues to watch, by a short label. */
  readonly deadLetterQueues: Readonly<Record<string, string>>;
  /** The hourly workflow, whose failed executions alarm. */
  readonly stateMachineArn: string;
  /** Lambda function names to watch, by a short label. */
  readonly functions: Readonly<Record<string, string>>;
  /** Each function's log group: the log metrics (LOG_METRICS) are read from those of the functions that log them. */
  readonly logGroups: Readonly<Record<LambdaName, string>>;
  /** Namespace of the tenant's log metrics, e.g. `Vigil/acme`. */
  readonly metricNamespace: string;
}

export class PipelineAlarms extends Construct {
  readonly topic: SnsTopic;
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    checkInteger(this, 'silentFeedHours', props.silentFeedHours, 1, 24);
    this.topic = new SnsTopic(this, 'topic', { name: props.topicName, displayName: 'Vigil operations', kmsMasterKeyId: props.kmsKeyArn });
    props.subscriptions.forEach(
      (s, i) =>
        new SnsTopicSubscription(this, `subscription-${i}`, {
          topicArn: this.topic.arn,
          protocol: s.protocol,
          endpoint: literal(s.endpoint),
          redrivePolicy: subscriptionRedrivePolicy(props.subscriptionDeadLetterQueueArn),
        }),
    );
    const actions = { alarmActions: [this.topic.arn], okActions: [this.topic.arn] };

    const hours = props.silentFeedHours ?? TENANT_DEFAULTS.silentFeedHours;
    this.alarms.push(
      new CloudwatchMetricAlarm(this, 'feed-silent', {
        alarmName: props.alarmName(ALARM_CHECKS.feedSilent),
        alarmDescription: `No Okta event reached Vigil for ${hours} hours: check the Okta log stream and the partner event source`,
        namespace: 'AWS/Firehose',
        metricName: 'IncomingRecords',
        dimensions: { DeliveryStreamName: props.deliveryStreamName },
        statistic: 'Sum',
        period: 3600,
        evaluationPeriods: hours,
        threshold: 1,
        comparisonOperator: 'LessThanThreshold',
        treatMissingData: 'breaching',
        ...actions,
      }),
    );
    // Each of the other checks alarms when its count is above 0 in one period; no data is no trouble.
    const anyOf = (id: string, alarm: { alarmName: string; alarmDescription: string; namespace: string; metricName: string; dimensions?: Record<string, string>; statistic: 'Sum' | 'Maximum'; period: number }) =>
      this.alarms.push(new CloudwatchMetricAlarm(this, id, { ...alarm, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'notBreaching', ...actions }));
    for (const [label, queueName] of Object.entries(props.deadLetterQueues)) {
      anyOf(`dlq-${label}`, {
        alarmName: props.alarmName(ALARM_CHECKS.deadLetters(label)),
        alarmDescription: `Messages are waiting in ${queueName}: they could not be delivered or processed`,
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: queueName },
        statistic: 'Maximum',
        period: 300,
      });
    }
    anyOf('workflow-failed', {
      alarmName: props.alarmName(ALARM_CHECKS.workflowFailed),
      alarmDescription: 'The hourly workflow failed; its hours are marked for reprocessing on the next run',
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: props.stateMachineArn },
      statistic: 'Sum',
      period: 3600,
    });
    for (const [label, functionName] of Object.entries(props.functions)) {
      anyOf(`errors-${label}`, {
        alarmName: props.alarmName(ALARM_CHECKS.errors(label)),
        alarmDescription: `${functionName} reported errors`,
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: functionName },
        statistic: 'Sum',
        period: 900,
      });
    }
    for (const metric of Object.values(LOG_METRICS)) {
      for (const fn of metric.functions) {
        new CloudwatchLogMetricFilter(this, `${metric.alarm}-${fn}`, {
          name: props.alarmName(`${metric.alarm}-${fn}`),
          logGroupName: props.logGroups[fn],
          pattern: `{ $.${metric.field} > 0 }`,
          metricTransformation: { name: metric.name, namespace: props.metricNamespace, value: `$.${metric.field}`, unit: 'Count' },
        });
      }
      anyOf(metric.alarm, { alarmName: props.alarmName(metric.alarm), alarmDescription: metric.alarmDescription, namespace: props.metricNamespace, metricName: metric.name, statistic: 'Sum', period: 3600 });
    }
  }
}

/**
 * One tenant's Vigil pipeline, in the tenant's AWS account: `tenant-<id>`.
 *
 *   Okta ─▶ partner event source ─▶ partner event bus ─┬▶ archive (replay)
 *                                                      └▶ ingest rule ─▶ Firehose ─▶ S3 objects (five minutes each)
 *   S3 notification ─▶ SQS ─▶ ingest λ (index objects by event-time hour; near-time detections ─▶ findings ─▶ SNS)
 *   Scheduler ─▶ hourly workflow (plan λ ─▶ per hour: chunks ─▶ detect λ ─▶ notify λ ─▶ mark hour) ─▶ SNS
 *   Scheduler ─▶ daily λ (activity roll-up, digest) ─▶ SNS;   refresh-user λ on demand ─▶ Okta API (token: Secrets Manager)
 *   X-Ray samples the functions and the workflow at the tenant's rate (tracing.samplingRate)
 *
 * Everything is encrypted with the tenant's KMS key; every role is allowed only the tenant's own
 * resources it uses, and the key policy names them exactly. Every function reserves its concurrency
 * (LAMBDAS, the tenant file's `concurrency.reserved`); an asynchronous invocation that fails every
 * attempt is kept in the failed-invocations queue. The tables refuse deletion unless the tenant file says.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { bucketName } from '../src/pipeline/buckets';
import { DEFAULT_BUNDLE_DIR } from '../src/pipeline/bundles';
import { LAMBDAS, reservedConcurrencyOf, timeoutOf, type LambdaName } from '../src/pipeline/lambdas';
import { QUEUES, visibilityTimeoutFor, type QueueName } from '../src/pipeline/queues';
import { SECRETS } from '../src/pipeline/secrets';
import type { TableName } from '../src/pipeline/tables';
import type { Tenant } from '../src/tenants/schema';
import { configureStateBackend, type StateBackendSettings } from './backend';
import { EventDeliveryStream } from './constructs/delivery-stream';
import { EncryptedQueue, MAX_RETENTION_SECONDS } from './constructs/encrypted-queue';
import { FindingsTopic } from './constructs/findings-topic';
import { HourlyWorkflow } from './constructs/hourly-workflow';
import { IngestRoute } from './constructs/ingest-route';
import { PartnerEventBus } from './constructs/partner-event-bus';
import { alarmChecks, PipelineAlarms } from './constructs/pipeline-alarms';
import { check } from './constructs/checks';
import { PipelineFunction, type FunctionResources } from './constructs/pipeline-function';
import { QueueConsumer } from './constructs/queue-consumer';
import { TenantBucket } from './constructs/tenant-bucket';
import { TenantKey } from './constructs/tenant-key';
import { TenantSchedules } from './constructs/tenant-schedules';
import { TenantSecrets } from './constructs/tenant-secrets';
import { TenantTables } from './constructs/tenant-tables';
import { TraceSampling } from './constructs/trace-sampling';
import { TenantArns, tenantNames } from './naming';

export const PROJECT_TAG = 'vigil';

/** The dead-letter queues the health alarms watch, by label. */
const DEAD_LETTER_QUEUES = ['delivery', ...Object.keys(QUEUES), 'schedule', 'failed-invocations', 'subscriptions'];

export function stackName(tenantId: string): string {
  return `tenant-${tenantId}`;
}

export interface TenantStackProps {
  readonly tenant: Tenant;
  /** Where the stack's state lives. @default - a local state file (see ./backend) */
  readonly stateBackend?: StateBackendSettings;
  /** Directory of the function bundles, `<function>/index.mjs`. @default dist/functions at the project root */
  readonly bundleDir?: string;
  /** Retention of the functions' and the workflow's logs, in days. @default 30 */
  readonly logRetentionDays?: number;
}

export class TenantStack extends TerraformStack {
  readonly tenant: Tenant;
  readonly functions: Readonly<Record<LambdaName, PipelineFunction>>;

  constructor(scope: Construct, props: TenantStackProps) {
    const { tenant } = props;
    super(scope, stackName(tenant.id));
    this.tenant = tenant;
    const names = tenantNames(tenant);
    const arns = new TenantArns(tenant.aws.region, tenant.aws.accountId);

    // The tenant's account and region, and nothing else: a wrong credential fails before any change.
    new AwsProvider(this, 'aws', {
      region: tenant.aws.region,
      allowedAccountIds: [tenant.aws.accountId],
      assumeRole: tenant.aws.assumeRoleArn ? [{ roleArn: tenant.aws.assumeRoleArn, sessionName: `vigil-deploy-${tenant.id}` }] : undefined,
      defaultTags: [{ tags: { 'vigil:project': PROJECT_TAG, 'vigil:tenant': tenant.id } }],
    });
    configureStateBackend(this, tenant.id, props.stateBackend);

    // 1. One key encrypts everything the tenant's pipeline stores. Its policy names, exactly, the rule,
    //    alarms and log groups made below.
    const objectsBucketName = bucketName(tenant.id, tenant.aws.accountId);
    const alarmNames = alarmChecks(DEAD_LETTER_QUEUES, Object.keys(LAMBDAS)).map(names.alarm);
    const key = new TenantKey(this, 'key', {
      names,
      arns,
      bucketName: objectsBucketName,
      ruleNames: [names.ingestRule],
      alarmNames,
      logGroupNames: [...Object.keys(LAMBDAS).map(names.lambdaLogGroup), names.stateMachineLogGroup, names.deliveryStreamLogGroup],
    });

    // 2. Events EventBridge could not deliver (bus encryption errors, rule targets) wait here.
    const deliveryDlq = new EncryptedQueue(this, 'delivery-dlq', {
      name: names.queue('delivery-dlq'),
      kmsKeyArn: key.arn,
      messageRetentionSeconds: MAX_RETENTION_SECONDS,
    });

    // 3. Okta streams the System Log to the partner event source; the bus of the same name receives it
    //    and the archive keeps every event for replay.
    const partnerBus = new PartnerEventBus(this, 'okta', {
      eventSourceName: names.eventBus,
      archiveName: names.archive,
      archiveRetentionDays: tenant.archive.retentionDays,
      kmsKeyArn: key.arn,
      deadLetterQueueArn: deliveryDlq.arn,
    });

    // 4. The ingest queue carries references to objects (S3 notifications), never events; a message that
    //    keeps failing moves to the queue's DLQ.
    const queues = Object.fromEntries(
      Object.values(QUEUES).map((spec) => [
        spec.name,
        new EncryptedQueue(this, spec.name, {
          name: names.queue(spec.name),
          kmsKeyArn: key.arn,
          visibilityTimeoutSeconds: visibilityTimeoutFor(Math.max(...Object.values(LAMBDAS).filter((l) => l.drains?.includes(spec.name)).map(timeoutOf))),
          maxReceiveCount: spec.maxReceiveCount,
        }),
      ]),
    ) as Record<QueueName, EncryptedQueue>;

    // 5. What the pipeline keeps: tables, the bucket, and the topic findings are published to.
    const tables = new TenantTables(this, 'tables', { tenantId: tenant.id, kmsKeyArn: key.arn, deletionProtection: tenant.tables.deletionProtection });
    const bucket = new TenantBucket(this, 'objects', { bucketName: objectsBucketName, kmsKeyArn: key.arn, retentionDays: tenant.retentionDays });
    // Construct id 'alerts' is in the topic's Terraform address: changing it would replace deployed topics.
    // What SNS cannot deliver to a subscriber (findings, alarms) after its retries waits in its own queue.
    const subscriptionDlq = new EncryptedQueue(this, 'subscription-dlq', {
      name: names.queue('subscription-dlq'),
      kmsKeyArn: key.arn,
      messageRetentionSeconds: MAX_RETENTION_SECONDS,
    });
    const findingsTopic = new FindingsTopic(this, 'alerts', {
      topicName: names.findingsTopic,
      kmsKeyArn: key.arn,
      subscriptions: tenant.notifications.subscriptions,
      subscriptionDeadLetterQueueArn: subscriptionDlq.arn,
    });
    // The Okta API token Refresh User Data reads: created empty, its value put by the operator.
    const secrets = new TenantSecrets(this, 'secrets', { tenantId: tenant.id, secretName: names.secret, kmsKeyArn: key.arn });

    // 6. The functions, each with its own role allowed exactly what LAMBDAS says it uses; asynchronous
    //    invocations that fail every attempt wait in a queue of their own.
    const failedInvocations = new EncryptedQueue(this, 'failed-invocations', {
      name: names.queue('failed-invocations'),
      kmsKeyArn: key.arn,
      messageRetentionSeconds: MAX_RETENTION_SECONDS,
    });
    const resources: FunctionResources = {
      kmsKeyArn: key.arn,
      tableNames: Object.fromEntries(Object.entries(tables.tables).map(([t, table]) => [t, table.name])) as Record<TableName, string>,
      tableArns: (t) => tables.arnsOf(t),
      bucketName: bucket.name,
      bucketArn: bucket.arn,
      topicArn: findingsTopic.arn,
      queueArn: (queue) => queues[queue].arn,
      failedInvocationsQueueArn: failedInvocations.arn,
      secretArn: (secret) => secrets.arnOf(secret),
    };
    const fns = {} as Record<LambdaName, PipelineFunction>;
    for (const spec of Object.values(LAMBDAS)) {
      fns[spec.name] = new PipelineFunction(this, `fn-${spec.name}`, {
        tenant,
        spec,
        functionName: names.function(spec.name),
        logGroupName: names.lambdaLogGroup(spec.name),
        resources,
        bundleDir: props.bundleDir ?? DEFAULT_BUNDLE_DIR,
        logRetentionDays: props.logRetentionDays,
        reservedConcurrency: reservedConcurrencyOf(spec.name, tenant.concurrency.reserved),
      });
    }
    this.functions = fns;

    // 7. Every Okta event: bus -> delivery stream -> an object a minute in the bucket -> ingest queue.
    const stream = new EventDeliveryStream(this, 'delivery', {
      streamName: names.deliveryStream,
      bucketArn: bucket.arn,
      kmsKeyArn: key.arn,
      account: tenant.aws.accountId,
      logGroupName: names.deliveryStreamLogGroup,
      logRetentionDays: props.logRetentionDays,
    });
    const ingest = new IngestRoute(this, 'ingest', {
      busName: partnerBus.bus.name,
      ruleName: names.ingestRule,
      deliveryStreamArn: stream.arn,
      account: tenant.aws.accountId,
      bucketName: bucket.name,
      bucketArn: bucket.arn,
      objectsQueue: queues['ingest-objects'],
      deliveryDeadLetterQueueArn: deliveryDlq.arn,
    });

    // 8. The queue's consumer: ingest indexes each object by event-time hour, then evaluates its near-time
    //    events (per object and key) and notifies at once.
    for (const spec of Object.values(QUEUES)) {
      const consumer = Object.values(LAMBDAS).find((l) => l.drains?.includes(spec.name))!;
      new QueueConsumer(this, `${spec.name}-consumer`, { queue: queues[spec.name], consumer: fns[consumer.name], spec });
    }

    // Only this bus and its ingest rule may put undeliverable events in the delivery DLQ.
    deliveryDlq.allowSendFrom('events.amazonaws.com', [partnerBus.bus.arn, ingest.rule.arn]);

    // 9. Every hour, the workflow detects over each closed hour (authoritative) and notifies.
    const workflow = new HourlyWorkflow(this, 'hourly', {
      stateMachineName: names.stateMachine,
      stateMachineArn: arns.stateMachine(names.stateMachine),
      logGroupName: names.stateMachineLogGroup,
      account: tenant.aws.accountId,
      kmsKeyArn: key.arn,
      planFunctionArn: fns.plan.arn,
      detectFunctionArn: fns.detect.arn,
      notifyFunctionArn: fns.notify.arn,
      eventsTableName: tables.tables.events.name,
      eventsTableArn: tables.tables.events.arn,
      hoursTableName: tables.tables.hours.name,
      hoursTableArn: tables.tables.hours.arn,
      logRetentionDays: props.logRetentionDays,
      partition: arns.partition,
    });

    // 10. The clock: hourly workflow after the grace period, daily roll-up and digest.
    const scheduleDlq = new EncryptedQueue(this, 'schedule-dlq', {
      name: names.queue('schedule-dlq'),
      kmsKeyArn: key.arn,
      messageRetentionSeconds: MAX_RETENTION_SECONDS,
    });
    new TenantSchedules(this, 'schedules', {
      tenantId: tenant.id,
      groupName: names.scheduleGroup,
      groupArn: arns.scheduleGroup(names.scheduleGroup),
      prefix: names.prefix,
      account: tenant.aws.accountId,
      kmsKeyArn: key.arn,
      gracePeriodMinutes: tenant.schedule.gracePeriodMinutes,
      dailyAt: tenant.schedule.dailyAt,
      stateMachineArn: workflow.arn,
      dailyFunctionArn: fns.daily.arn,
      deadLetterQueueArn: scheduleDlq.arn,
    });

    // 11. Health: a silent feed, undelivered messages, failed runs and function errors, to operations.
    const health = new PipelineAlarms(this, 'health', {
      topicName: names.opsTopic,
      kmsKeyArn: key.arn,
      subscriptions: tenant.operations.subscriptions,
      subscriptionDeadLetterQueueArn: subscriptionDlq.arn,
      alarmName: names.alarm,
      deliveryStreamName: stream.stream.name,
      silentFeedHours: tenant.operations.silentFeedHours,
      deadLetterQueues: {
        delivery: deliveryDlq.queue.name,
        ...Object.fromEntries(Object.entries(queues).map(([name, q]) => [name, q.deadLetterQueue!.name])),
        schedule: scheduleDlq.queue.name,
        'failed-invocations': failedInvocations.queue.name,
        subscriptions: subscriptionDlq.queue.name,
      },
      stateMachineArn: workflow.arn,
      functions: Object.fromEntries(Object.entries(fns).map(([n, f]) => [n, f.name])),
      logGroups: Object.fromEntries(Object.entries(fns).map(([n, f]) => [n, f.logGroup.name])) as Record<LambdaName, string>,
      metricNamespace: names.metricNamespace,
    });
    // Only the tenant's two topics may put undeliverable messages in the subscriptions' dead-letter queue.
    subscriptionDlq.allowSendFrom('sns.amazonaws.com', [findingsTopic.arn, health.topic.arn]);
    const unnamed = health.alarms.map((a) => a.alarmNameInput).filter((name) => !alarmNames.includes(name ?? ''));
    check(this, unnamed.length === 0, `the key policy does not name the alarms ${unnamed.join(', ')}: add their dead-letter queues to DEAD_LETTER_QUEUES`);

    // 12. X-Ray traces the tenant's functions and workflow at the tenant's rate.
    new TraceSampling(this, 'tracing', { ruleName: names.samplingRule, serviceName: names.tracedServices, fixedRate: tenant.tracing.samplingRate });

    // What onboarding needs: configure the event source in Okta, then hand these to the operator.
    const outputs: Record<string, { value: string; description: string }> = {
      event_source_name: { value: names.eventBus, description: 'Partner event source (and bus) name to create in Okta: Log Streaming > AWS EventBridge' },
      // tostring(): cdktf's HCL renderer would print an all-digit string as a number.
      aws_account_id: { value: Fn.tostring(tenant.aws.accountId), description: 'AWS account of the event source' },
      aws_region: { value: tenant.aws.region, description: 'AWS region of the event source' },
      event_bus_arn: { value: partnerBus.bus.arn, description: 'Partner event bus receiving the Okta System Log' },
      archive_arn: { value: partnerBus.archive.arn, description: 'Archive of every Okta event, for replay' },
      state_machine_arn: { value: workflow.arn, description: 'Hourly workflow (start an execution to reprocess hours)' },
      topic_arn: { value: findingsTopic.arn, description: 'SNS topic of findings' },
      operations_topic_arn: { value: health.topic.arn, description: 'SNS topic of pipeline health alarms (silent feed, dead letters, failures)' },
      refresh_user_function_name: { value: fns['refresh-user'].name, description: "Invoke to refresh one user's data from Okta (vigil refresh-user)" },
      okta_api_token_secret_arn: { value: secrets.arnOf('okta-api-token'), description: `Put the tenant's Okta API token here. ${SECRETS['okta-api-token'].howToSet}` },
    };
    for (const [id, o] of Object.entries(outputs)) new TerraformOutput(this, id, o);
  }
}

/**
 * Ingest: every Okta event on the bus (ingestPattern()) goes to the delivery stream, which writes
 * objects to the tenant's bucket; the bucket notifies the ingest queue of each object.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import { Construct } from 'constructs';
import { ingestPattern, patternProblem } from '../../src/events/patterns';
import { DELIVERY_STREAM } from '../../src/pipeline/delivery';
import { check } from './checks';
import type { EncryptedQueue } from './encrypted-queue';
import { assumeRolePolicy, condition, policyDocument } from './policy';
import { targetRetryPolicy, type TargetRetry } from './target-retry';

export interface IngestRouteProps {
  readonly busName: string;
  readonly ruleName: string;
  /** The delivery stream the rule sends every event to. */
  readonly deliveryStreamArn: string;
  /** The tenant's account: only EventBridge acting for it may assume the rule's role. */
  readonly account: string;
  /** The tenant's bucket, which the delivery stream writes to. */
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The queue the bucket notifies of each events object (the ingest function drains it). */
  readonly objectsQueue: EncryptedQueue;
  /** Where EventBridge puts events it could not deliver to the stream. */
  readonly deliveryDeadLetterQueueArn: string;
  /** How EventBridge retries the stream target. @default 24 hours, 185 attempts */
  readonly retry?: TargetRetry;
}

export class IngestRoute extends Construct {
  readonly rule: CloudwatchEventRule;
  readonly target: CloudwatchEventTarget;

  constructor(scope: Construct, id: string, props: IngestRouteProps) {
    super(scope, id);
    const pattern = ingestPattern();
    const problem = patternProblem(pattern);
    check(this, problem === undefined, `the ingest pattern is not one EventBridge accepts: ${problem}`);
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: props.ruleName,
      description: 'Every Okta System Log event -> delivery stream',
      eventBusName: props.busName,
      eventPattern: JSON.stringify(pattern),
    });
    const role = new IamRole(this, 'role', {
      name: props.ruleName,
      description: 'Vigil ingest rule: puts events on the delivery stream',
      assumeRolePolicy: assumeRolePolicy(this, 'trust', 'events.amazonaws.com', [condition('StringEquals', 'aws:SourceAccount', props.account)]).json,
    });
    new IamRolePolicy(this, 'policy', {
      name: 'least-privilege',
      role: role.id,
      policy: policyDocument(this, 'permissions', [{ sid: 'PutOnDeliveryStream', actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [props.deliveryStreamArn] }]).json,
    });
    this.target = new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      eventBusName: props.busName,
      targetId: 'delivery-stream',
      arn: props.deliveryStreamArn,
      roleArn: role.arn,
      deadLetterConfig: { arn: props.deliveryDeadLetterQueueArn },
      retryPolicy: targetRetryPolicy(this, props.retry),
    });

    // Only the bucket may send to the objects queue; it notifies of the delivery stream's objects only.
    const policy = props.objectsQueue.allowSendFrom('s3.amazonaws.com', [props.bucketArn]);
    new S3BucketNotification(this, 'notification', {
      bucket: props.bucketName,
      queue: [{ id: 'events-objects', queueArn: props.objectsQueue.arn, events: ['s3:ObjectCreated:*'], filterPrefix: DELIVERY_STREAM.notificationPrefix }],
      // S3 sends a test message when the notification is configured: the queue must accept it.
      dependsOn: [policy],
    });
  }
}

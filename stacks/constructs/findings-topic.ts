/**
 * The tenant's findings topic (KMS) and its subscriptions from the tenant file
 * (`notifications.subscriptions`). Each subscription only receives messages whose `severity` message
 * attribute is its minimum severity or above; what SNS still cannot deliver after its retries goes to the
 * subscriptions' dead-letter queue (subscriptionRedrivePolicy).
 */
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { severityFilterPolicy } from '../../src/pipeline/notifications';
import type { Tenant } from '../../src/tenants/schema';
import { literal } from '../literal';

export interface FindingsTopicProps {
  /** `vigil-<tenant>-findings`. */
  readonly topicName: string;
  readonly kmsKeyArn: string;
  /** The tenant file's `notifications.subscriptions`: each gets the findings of its minimum severity and above. */
  readonly subscriptions: Tenant['notifications']['subscriptions'];
  /** Where SNS puts what it could not deliver to a subscriber after its retries (an SQS queue that lets this topic send). */
  readonly subscriptionDeadLetterQueueArn: string;
}

/** A subscription's redrive policy: undeliverable messages go to this queue (a Terraform reference: jsonencode). */
export function subscriptionRedrivePolicy(deadLetterQueueArn: string): string {
  return Fn.jsonencode({ deadLetterTargetArn: deadLetterQueueArn });
}

export class FindingsTopic extends Construct {
  readonly topic: SnsTopic;
  readonly subscriptions: readonly SnsTopicSubscription[];

  constructor(scope: Construct, id: string, props: FindingsTopicProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', {
      name: props.topicName,
      displayName: 'Vigil findings',
      kmsMasterKeyId: props.kmsKeyArn,
    });
    this.subscriptions = props.subscriptions.map(
      (s, i) =>
        new SnsTopicSubscription(this, `subscription-${i}`, {
          topicArn: this.topic.arn,
          protocol: s.protocol,
          endpoint: literal(s.endpoint),
          filterPolicyScope: 'MessageAttributes',
          // No Terraform references in a filter policy: plain JSON is fine here.
          filterPolicy: JSON.stringify(severityFilterPolicy(s.minSeverity)),
          redrivePolicy: subscriptionRedrivePolicy(props.subscriptionDeadLetterQueueArn),
        }),
    );
  }

  get arn(): string {
    return this.topic.arn;
  }
}

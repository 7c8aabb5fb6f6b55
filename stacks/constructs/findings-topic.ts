/**
 * The tenant's findings topic (KMS) and its subscriptions from the tenant file
 * (`notifications.subscriptions`). Each subscription only receives messages whose `severity` message
 * attribute is its minimum severity or above.
 */
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
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
        }),
    );
  }

  get arn(): string {
    return this.topic.arn;
  }
}

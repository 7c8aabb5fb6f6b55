/**
 * The tenant's findings topic (KMS) and its subscriptions from the tenant file. Each subscription only
 * receives messages whose `severity` message attribute is its minimum severity or above.
 */
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { SEVERITIES, severityRank, type Severity } from '../../src/detections/types';
import type { Tenant } from '../../src/tenants/schema';
import { literal } from '../literal';

/** The message attribute the notifier sets on every message (src/pipeline/notifications.ts). */
export const SEVERITY_ATTRIBUTE = 'severity';

/** Filter policy (on message attributes) admitting `min` and every higher severity. */
export function severityFilterPolicy(min: Severity): Record<string, string[]> {
  return { [SEVERITY_ATTRIBUTE]: SEVERITIES.filter((s) => severityRank(s) >= severityRank(min)) };
}

export interface AlertTopicProps {
  readonly topicName: string;
  readonly kmsKeyArn: string;
  readonly subscriptions: Tenant['notifications']['subscriptions'];
}

export class AlertTopic extends Construct {
  readonly topic: SnsTopic;
  readonly subscriptions: readonly SnsTopicSubscription[];

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
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

/**
 * Near-time: the event types that near-time detections read (for this tenant's catalog) also go,
 * straight from the bus, to the near-time function. One rule per pattern: nearTimePatterns() splits the
 * types so that every pattern stays under EventBridge's size limit. No near-time detections, no rules.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { patternProblem, type EventPattern } from '../../src/events/patterns';
import { check } from './checks';
import type { PipelineFunction } from './pipeline-function';
import { targetRetryPolicy, type TargetRetry } from './target-retry';

export interface NearTimeRouteProps {
  readonly busName: string;
  /**
   * From nearTimePatterns(nearTimeEventTypes(resolveCatalog(tenant.detections))), one rule each; none
   * makes no rules. Each must be a pattern EventBridge accepts (fields, values, size).
   */
  readonly patterns: readonly EventPattern[];
  /** The name of the rule for `patterns[index]`. */
  ruleName(index: number): string;
  readonly nearTime: PipelineFunction;
  /** Where EventBridge puts events it could not deliver to the function. */
  readonly deliveryDeadLetterQueueArn: string;
  /** @default 1 hour, 185 attempts: past that, the hourly pass (authoritative) covers the event anyway */
  readonly retry?: TargetRetry;
}

export class NearTimeRoute extends Construct {
  readonly rules: readonly CloudwatchEventRule[];

  constructor(scope: Construct, id: string, props: NearTimeRouteProps) {
    super(scope, id);
    props.patterns.forEach((pattern, i) => {
      const problem = patternProblem(pattern);
      check(this, problem === undefined, `patterns[${i}] is not a pattern EventBridge accepts: ${problem}`);
    });
    this.rules = props.patterns.map((pattern, i) => {
      const rule = new CloudwatchEventRule(this, `rule-${i + 1}`, {
        name: props.ruleName(i),
        description: `Event types read by near-time detections (${i + 1}/${props.patterns.length}) -> near-time function`,
        eventBusName: props.busName,
        eventPattern: JSON.stringify(pattern),
      });
      new CloudwatchEventTarget(this, `target-${i + 1}`, {
        rule: rule.name,
        eventBusName: props.busName,
        targetId: 'near-time',
        arn: props.nearTime.arn,
        deadLetterConfig: { arn: props.deliveryDeadLetterQueueArn },
        retryPolicy: targetRetryPolicy(this, { maximumEventAgeInSeconds: 3600, ...props.retry }),
      });
      new LambdaPermission(this, `permission-${i + 1}`, {
        statementId: `AllowNearTimeRule${i + 1}`,
        action: 'lambda:InvokeFunction',
        functionName: props.nearTime.name,
        principal: 'events.amazonaws.com',
        sourceArn: rule.arn,
      });
      return rule;
    });
  }
}

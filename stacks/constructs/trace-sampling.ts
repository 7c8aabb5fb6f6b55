/**
 * How much of one tenant's pipeline X-Ray traces: a sampling rule for the tenant's services (its
 * functions and its hourly state machine, all named `vigil-<tenant>-…`) at the rate the tenant set.
 *
 * Sampling rules belong to the account and region, and a request takes the first rule that matches in
 * priority order. The services of a tenant whose id extends another's (`acme-eu` after `acme`) also
 * match the shorter pattern, so a longer literal prefix gets an earlier priority: each service meets
 * its own tenant's rule first.
 */
import { XraySamplingRule } from '@cdktf/provider-aws/lib/xray-sampling-rule';
import { Construct } from 'constructs';
import { check } from './checks';

/** X-Ray rule names: 1-32 letters, digits, `-` and `_`. */
export const RULE_NAME = /^[A-Za-z0-9_-]{1,32}$/;
/** Priorities count down from here by the length of the pattern's literal prefix (X-Ray's default rule is 10000). */
export const PRIORITY_BASE = 1000;

export interface TraceSamplingProps {
  /** The rule's name: 1-32 letters, digits, `-` and `_`. */
  readonly ruleName: string;
  /** Service names the rule matches, with `*` and `?` wildcards, e.g. `vigil-acme-*`. */
  readonly serviceName: string;
  /** Fraction of matching requests traced, from 0 to 1. */
  readonly fixedRate: number;
  /** Requests traced each second before the fixed rate applies. @default 0: exactly the fixed rate */
  readonly reservoirSize?: number;
}

export class TraceSampling extends Construct {
  readonly rule: XraySamplingRule;

  constructor(scope: Construct, id: string, props: TraceSamplingProps) {
    super(scope, id);
    check(this, RULE_NAME.test(props.ruleName), `ruleName must be 1-32 letters, digits, "-" or "_", got "${props.ruleName}"`);
    check(this, props.fixedRate >= 0 && props.fixedRate <= 1, `fixedRate must be from 0 to 1, got ${props.fixedRate}`);
    const reservoirSize = props.reservoirSize ?? 0;
    check(this, Number.isInteger(reservoirSize) && reservoirSize >= 0, `reservoirSize must be a whole number, 0 or more, got ${reservoirSize}`);
    const literalPrefix = props.serviceName.split(/[*?]/)[0].length;

    this.rule = new XraySamplingRule(this, 'rule', {
      ruleName: props.ruleName,
      priority: Math.max(1, PRIORITY_BASE - literalPrefix),
      version: 1,
      fixedRate: props.fixedRate,
      reservoirSize,
      serviceName: props.serviceName,
      serviceType: '*',
      host: '*',
      httpMethod: '*',
      urlPath: '*',
      resourceArn: '*',
    });
  }
}

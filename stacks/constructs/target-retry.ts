/** How EventBridge retries a rule target before it gives up and sends the event to the target's DLQ. */
import type { Construct } from 'constructs';
import { checkInteger } from './checks';

export interface TargetRetry {
  /** Seconds EventBridge keeps trying (60 to 86400). @default 86400 (24 hours) */
  readonly maximumEventAgeInSeconds?: number;
  /** Retries (0 to 185). @default 185 */
  readonly maximumRetryAttempts?: number;
}

/** The target's retry policy, its ranges checked on `scope`. */
export function targetRetryPolicy(scope: Construct, retry: TargetRetry = {}) {
  checkInteger(scope, 'retry.maximumEventAgeInSeconds', retry.maximumEventAgeInSeconds, 60, 86400);
  checkInteger(scope, 'retry.maximumRetryAttempts', retry.maximumRetryAttempts, 0, 185);
  return { maximumEventAgeInSeconds: retry.maximumEventAgeInSeconds ?? 86400, maximumRetryAttempts: retry.maximumRetryAttempts ?? 185 };
}

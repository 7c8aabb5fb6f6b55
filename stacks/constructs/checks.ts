/**
 * The rules a construct relies on, checked when it is constructed (at synth), so that a wrong prop fails
 * with the construct's path and what is allowed, not later in `terraform apply` or in production.
 */
import type { Construct } from 'constructs';
import { SynthConfigError } from '../errors';

/** A construct was given props that break a rule it relies on. */
export class InvalidPropsError extends SynthConfigError {
  constructor(scope: Construct, message: string) {
    super(`${scope.node.path}: ${message}`);
    this.name = 'InvalidPropsError';
  }
}

/** Throw an InvalidPropsError with `message` unless `ok`. */
export function check(scope: Construct, ok: boolean, message: string): void {
  if (!ok) throw new InvalidPropsError(scope, message);
}

/** Run a validation that throws (a shared definition's own check) and report what it throws as this construct's. */
export function checkWith(scope: Construct, validate: () => unknown): void {
  try {
    validate();
  } catch (err) {
    throw new InvalidPropsError(scope, (err as Error).message);
  }
}

/** A whole number from `min` to `max`, when given. */
export function checkInteger(scope: Construct, prop: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  check(scope, Number.isInteger(value) && value >= min && value <= max, `${prop} must be a whole number from ${min} to ${max}, got ${value}`);
}

/** The retention periods CloudWatch Logs accepts, in days; 0 keeps logs forever. */
export const LOG_RETENTION_DAYS: readonly number[] = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** One of the retention periods CloudWatch Logs accepts, when given. */
export function checkLogRetention(scope: Construct, prop: string, days: number | undefined): void {
  if (days === undefined) return;
  check(scope, LOG_RETENTION_DAYS.includes(days), `${prop} must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(', ')} days), got ${days}`);
}

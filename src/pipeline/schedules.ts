/**
 * The clock, defined once for the stack's EventBridge Scheduler schedules and the local simulation: the
 * hourly run fires `gracePeriodMinutes` past every hour and starts the hourly workflow; the daily run
 * fires at `dailyAt` (UTC) and invokes the daily function. What each run is given is defined here too.
 */
import { DAILY_AT } from '../tenants/schema';

/** What the hourly run starts the workflow with: no explicit hours, so Plan picks the hour just closed. */
export interface HourlyRunInput {
  readonly tenantId: string;
  /** When the run was scheduled for (not when it ran). */
  readonly scheduledTime: string;
  readonly hours: readonly string[];
}

export interface DailyRunInput {
  readonly tenantId: string;
  readonly scheduledTime: string;
}

export function hourlyRunInput(tenantId: string, scheduledTime: string, hours: readonly string[] = []): HourlyRunInput {
  return { tenantId, scheduledTime, hours };
}

export function dailyRunInput(tenantId: string, scheduledTime: string): DailyRunInput {
  return { tenantId, scheduledTime };
}

/** The minute past every hour the hourly run fires: the grace period, which late events get to arrive. */
export function hourlyRunMinute(gracePeriodMinutes: number): number {
  if (!Number.isInteger(gracePeriodMinutes) || gracePeriodMinutes < 0 || gracePeriodMinutes > 59) throw new Error(`gracePeriodMinutes must be a whole number from 0 to 59, got ${gracePeriodMinutes}`);
  return gracePeriodMinutes;
}

/** The time of day (UTC) the daily run fires, from `HH:MM`. */
export function dailyRunTime(dailyAt: string): { readonly hour: number; readonly minute: number } {
  const m = DAILY_AT.exec(dailyAt);
  if (!m) throw new Error(`dailyAt must be HH:MM (24-hour, UTC), got "${dailyAt}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

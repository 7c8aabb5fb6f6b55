/**
 * What a tenant file may leave out, and the value it then gets: defined once for the schema, the
 * handlers' fallback settings and the constructs' defaults. Imports nothing (handlers bundle it).
 */
export const TENANT_DEFAULTS = {
  /** Days the archive keeps every Okta event. */
  archiveRetentionDays: 30,
  /** Days event chunks, findings and detection state are kept in DynamoDB. */
  retentionDays: 30,
  /** Minutes after an hour closes before it is processed. */
  gracePeriodMinutes: 15,
  /** When the daily roll-up and digest run, HH:MM UTC. */
  dailyAt: '06:00',
  /** Hours without an event before the feed is reported silent. */
  silentFeedHours: 6,
  /** Fraction of the pipeline's requests X-Ray traces: AWS's own default rate. */
  tracingSamplingRate: 0.05,
} as const;

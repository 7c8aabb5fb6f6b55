/**
 * How items are keyed and which statuses an hour goes through: defined once for the stores and for the
 * hourly state machine, which queries the events table and updates the hours table itself.
 */

/** Prefixes of the events table's keys. */
export const KEY_PREFIX = {
  /** Events table pk: an event-time hour's chunks. */
  hour: 'H#',
  /** Events table sk: one chunk of an hour. */
  chunk: 'C#',
  /** Events table pk: a day's quarantined records. */
  quarantine: 'Q#',
} as const;

export const hourPk = (hour: string) => `${KEY_PREFIX.hour}${hour}`;
export const chunkSk = (chunkId: string) => `${KEY_PREFIX.chunk}${chunkId}`;
export const quarantinePk = (day: string) => `${KEY_PREFIX.quarantine}${day}`;
export const statePk = (detectionId: string, key: string) => `${detectionId}#${key}`;
/** Activity table pk (never an Okta user id) of the daily run's record of the days it rolled up (sk: the day). */
export const DAILY_RUNS_PK = '#daily-runs';
/** State table sk of the near-time path's live state. */
export const LIVE_SK = 'LIVE';

/**
 * An hour's status in the hours table: OPEN while events arrive, RUNNING while a run processes it,
 * DONE after, REPROCESS when a late event lands in a processed hour, a step failed or a detection threw on
 * one of its events; EXPIRED when it was still pending once its events were past the tenant's retention
 * (never processed again: surfaced by an alarm and by `vigil simulate`).
 */
export const HOUR_STATUS = {
  open: 'OPEN',
  running: 'RUNNING',
  done: 'DONE',
  reprocess: 'REPROCESS',
  expired: 'EXPIRED',
} as const;

export type HourStatus = (typeof HOUR_STATUS)[keyof typeof HOUR_STATUS];

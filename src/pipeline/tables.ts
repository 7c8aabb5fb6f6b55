/**
 * The tenant's DynamoDB tables: their keys, defined once for the stacks (Terraform tables), the
 * handlers (item layout) and the local runtime (tables created on the embedded server).
 */

export interface TableSpec {
  /** Logical name; the deployed table is `vigil-<tenant>-<name>`. */
  readonly name: TableName;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Attribute holding the epoch-seconds expiry. */
  readonly ttlAttribute: string;
  readonly indexes: readonly { readonly name: string; readonly partitionKey: string; readonly sortKey: string }[];
  readonly description: string;
}

export type TableName = 'events' | 'hours' | 'findings' | 'state' | 'activity';

export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  events: {
    name: 'events',
    partitionKey: 'pk',
    sortKey: 'sk',
    ttlAttribute: 'ttl',
    indexes: [],
    description: 'References to the chunks of events in the bucket, by event-time hour (pk H#<hour>, sk C#<chunk>), and quarantined records (pk Q#<day>).',
  },
  hours: {
    name: 'hours',
    partitionKey: 'tenant',
    sortKey: 'hour',
    ttlAttribute: 'ttl',
    indexes: [],
    description: 'One item per event-time hour: status (OPEN, REPROCESS, DONE), event and chunk counts.',
  },
  findings: {
    name: 'findings',
    partitionKey: 'id',
    sortKey: 'kind',
    ttlAttribute: 'ttl',
    indexes: [
      { name: 'byHour', partitionKey: 'hour', sortKey: 'id' },
      { name: 'bySubject', partitionKey: 'subjectKey', sortKey: 'triggeredAt' },
    ],
    description: 'One item per finding (stable id: detection, key, hour); notifiedAt is set once, when it is published.',
  },
  state: {
    name: 'state',
    partitionKey: 'pk',
    sortKey: 'sk',
    ttlAttribute: 'ttl',
    indexes: [],
    description: 'The near-time live detection state per (detection, key) (sk LIVE). Hourly state is one snapshot per hour in the bucket.',
  },
  activity: {
    name: 'activity',
    partitionKey: 'user',
    sortKey: 'day',
    ttlAttribute: 'ttl',
    indexes: [],
    description: "Per-user daily activity summary (day YYYY-MM-DD: event types, outcomes, IPs, countries, first and last seen), and the user's Okta profile, status and factors from Refresh User Data (day PROFILE); under user #daily-runs, the days the daily run completed.",
  },
};

/** Every key attribute of a table and its indexes. All keys are strings (TableSpec has no attribute types). */
export function keyAttributes(spec: TableSpec): string[] {
  return [...new Set([spec.partitionKey, spec.sortKey, ...spec.indexes.flatMap((i) => [i.partitionKey, i.sortKey])])];
}

export function tableName(tenantId: string, table: TableName): string {
  return `vigil-${tenantId}-${table}`;
}

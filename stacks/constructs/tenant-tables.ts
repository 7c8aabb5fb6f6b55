/**
 * The tenant's DynamoDB tables, one per entry of TABLES (src/pipeline/tables.ts): on-demand, with TTL,
 * point-in-time recovery, deletion protection (unless turned off) and the tenant key.
 */
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';
import { keyAttributes, TABLES, tableName, type TableName } from '../../src/pipeline/tables';

export interface TenantTablesProps {
  readonly tenantId: string;
  readonly kmsKeyArn: string;
  /** Refuse to delete the tables (`terraform destroy`, a replacement). @default true */
  readonly deletionProtection?: boolean;
}

export class TenantTables extends Construct {
  readonly tables: Readonly<Record<TableName, DynamodbTable>>;

  constructor(scope: Construct, id: string, props: TenantTablesProps) {
    super(scope, id);
    const tables = {} as Record<TableName, DynamodbTable>;
    for (const spec of Object.values(TABLES)) {
      tables[spec.name] = new DynamodbTable(this, spec.name, {
        name: tableName(props.tenantId, spec.name),
        billingMode: 'PAY_PER_REQUEST',
        hashKey: spec.partitionKey,
        rangeKey: spec.sortKey,
        attribute: keyAttributes(spec).map((name) => ({ name, type: 'S' })),
        // No indexes: no attribute at all (an empty list renders differently in JSON and HCL).
        globalSecondaryIndex: spec.indexes.length
          ? spec.indexes.map((i) => ({ name: i.name, hashKey: i.partitionKey, rangeKey: i.sortKey, projectionType: 'ALL' }))
          : undefined,
        ttl: { attributeName: spec.ttlAttribute, enabled: true },
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
        deletionProtectionEnabled: props.deletionProtection ?? true,
      });
    }
    this.tables = tables;
  }

  /** ARNs of a table and of its indexes (queries on an index are authorized on the index ARN). */
  arnsOf(name: TableName): string[] {
    const table = this.tables[name];
    return TABLES[name].indexes.length ? [table.arn, `${table.arn}/index/*`] : [table.arn];
  }
}

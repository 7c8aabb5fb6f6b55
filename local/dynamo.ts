/**
 * An embedded DynamoDB-compatible server (dynalite, in memory) with a tenant's tables created from the
 * same TABLES spec the stacks deploy.
 */
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../src/aws/clients';
import { keyAttributes, TABLES, tableName, type TableName } from '../src/pipeline/tables';

// dynalite ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: Record<string, unknown>) => import('node:http').Server;

export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function createTableInput(name: string, table: TableName): CreateTableCommandInput {
  const spec = TABLES[table];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes(spec).map((a) => ({ AttributeName: a, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: spec.partitionKey, KeyType: 'HASH' },
      { AttributeName: spec.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: spec.indexes.length
      ? spec.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }))
      : undefined,
  };
}

/** Create a tenant's tables on the local server; returns their names. */
export async function createTenantTables(endpoint: string, tenantId: string): Promise<Record<TableName, string>> {
  const client = createDynamoClient(endpoint);
  const names = {} as Record<TableName, string>;
  for (const t of Object.keys(TABLES) as TableName[]) {
    names[t] = tableName(tenantId, t);
    await client.send(new CreateTableCommand(createTableInput(names[t], t)));
  }
  client.destroy();
  return names;
}

/**
 * The DynamoDB patterns every store uses, written once: conditional writes that answer "did it apply",
 * queries read to the last page, and batch reads and writes retried until DynamoDB has processed them.
 */
import { BatchGetCommand, BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Run a conditional write: true when it applied, false when its condition did not hold. Other errors throw. */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Every item a query matches, page after page (from `ExclusiveStartKey` when given), up to `limit` items. */
export async function queryAll<T = Record<string, unknown>>(ddb: DynamoDBDocumentClient, input: QueryCommandInput, limit = Infinity): Promise<T[]> {
  const items: T[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as T[]));
    start = page.LastEvaluatedKey;
  } while (start && items.length < limit);
  return items.slice(0, limit);
}

/** Send a batch request again, with backoff, for as long as DynamoDB returns part of it unprocessed. */
async function untilProcessed<R>(what: string, request: R | undefined, send: (request: R) => Promise<R | undefined>): Promise<void> {
  for (let attempt = 0; request && Object.keys(request).length; attempt++) {
    if (attempt > 8) throw new Error(`${what} kept returning unprocessed requests`);
    if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** (attempt - 1)));
    request = await send(request);
  }
}

type GetRequest = Record<string, { Keys: Array<Record<string, unknown>>; ProjectionExpression?: string; ConsistentRead?: boolean }>;
type WriteRequest = Record<string, Array<{ PutRequest: { Item: Record<string, unknown> } }>>;

/** Strongly consistent BatchGetItem over any number of keys. */
export async function batchGet(ddb: DynamoDBDocumentClient, table: string, keys: ReadonlyArray<Record<string, string>>, projection?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    const request: GetRequest = { [table]: { Keys: keys.slice(i, i + 100), ProjectionExpression: projection, ConsistentRead: true } };
    await untilProcessed(`BatchGetItem on ${table}`, request, async (r) => {
      const res = await ddb.send(new BatchGetCommand({ RequestItems: r }));
      items.push(...((res.Responses?.[table] ?? []) as Record<string, unknown>[]));
      return res.UnprocessedKeys as GetRequest | undefined;
    });
  }
  return items;
}

/** BatchWriteItem (puts) over any number of items. */
export async function batchWrite(ddb: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const request: WriteRequest = { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    await untilProcessed(`BatchWriteItem on ${table}`, request, async (r) => {
      const res = await ddb.send(new BatchWriteCommand({ RequestItems: r }));
      return res.UnprocessedItems as WriteRequest | undefined;
    });
  }
}

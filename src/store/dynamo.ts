/**
 * The DynamoDB patterns every store uses, written once: conditional writes that answer "did it apply",
 * queries read to the last page, and many puts in batches.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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

/** BatchWriteItem's most items a request. */
const BATCH_WRITE_ITEMS = 25;
/** Tries of one batch's unprocessed items (throttled), with backoff, before giving up. */
const BATCH_WRITE_TRIES = 8;

/**
 * Put every item, 25 a request (the write units are the same as one PutItem each; the requests are 25 times
 * fewer). Items DynamoDB leaves unprocessed (throttling) are sent again with backoff; any still left after
 * that fail the call, which is safe to repeat (a put of the same item again).
 */
export async function putAll(ddb: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_WRITE_ITEMS) {
    let requests = items.slice(i, i + BATCH_WRITE_ITEMS).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt === BATCH_WRITE_TRIES) throw new Error(`${requests.length} items of ${table} still unprocessed after ${BATCH_WRITE_TRIES} tries`);
      if (attempt) await sleep(Math.min(50 * 2 ** attempt, 2000));
      const res = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  }
}

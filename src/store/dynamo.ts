/**
 * The DynamoDB patterns every store uses, written once: conditional writes that answer "did it apply",
 * and queries read to the last page.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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

import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startDynalite, type LocalDynamo } from '../../local/dynamo';
import { createDynamoClient, documentClient } from '../../src/aws/clients';
import { RequestMeter, type Usage } from '../../src/aws/request-meter';

const TABLE = 'meter-test';
let dynamo: LocalDynamo;
let client: DynamoDBClient;
let ddb: DynamoDBDocumentClient;
let meter: RequestMeter;

beforeAll(async () => {
  dynamo = await startDynalite();
  const setup = createDynamoClient(dynamo.endpoint);
  await setup.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  setup.destroy();
});

beforeEach(() => {
  meter = new RequestMeter();
  client = meter.attach(createDynamoClient(dynamo.endpoint));
  ddb = documentClient(client);
});

afterEach(() => client.destroy());
afterAll(() => dynamo.close());

const row = (operation: string, component = 'runtime'): Usage | undefined => meter.usage().find((u) => u.service === 'DynamoDB' && u.operation === operation && u.component === component);

describe('request meter (AWS SDK middleware) on a real DynamoDB-compatible server', () => {
  it('given a known sequence of writes, when sent through the document client, then each is counted once under its API with the write units DynamoDB reports', async () => {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'a', sk: '1', note: 'small' } }));
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'a', sk: '2', blob: 'x'.repeat(1500) } }));
    await ddb.send(new BatchWriteCommand({ RequestItems: { [TABLE]: ['3', '4', '5'].map((sk) => ({ PutRequest: { Item: { pk: 'b', sk } } })) } }));

    expect(row('PutItem')).toMatchObject({ requests: 2, writeUnits: 1 + 2, readUnits: 0, resource: TABLE });
    expect(row('BatchWriteItem')).toMatchObject({ requests: 1, writeUnits: 3 });
    expect(row('PutItem')!.bytes).toBeGreaterThan(1500);
    expect(meter.usage()).toHaveLength(2);
  });

  it('given reads, when sent, then strongly consistent reads cost a unit per 4 KB, eventually consistent half, and a read that finds nothing the minimum', async () => {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'r', sk: '1', blob: 'y'.repeat(5000) } }));
    meter.reset();

    await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: 'r', sk: '1' }, ConsistentRead: true }));
    await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: 'r', sk: '1' } }));
    await ddb.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'nothing-here' }, ConsistentRead: true }));

    expect(row('GetItem')).toMatchObject({ requests: 2, readUnits: 2 + 1 });
    expect(row('Query')).toMatchObject({ requests: 1, readUnits: 1 });
  });

  it('given a write whose condition fails, when sent, then the error reaches the caller and the request still costs a write unit', async () => {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'c', sk: '1' } }));
    meter.reset();

    await expect(ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'c', sk: '1' }, ConditionExpression: 'attribute_not_exists(pk)' }))).rejects.toThrow(expect.objectContaining({ name: 'ConditionalCheckFailedException' }));

    expect(row('PutItem')).toMatchObject({ requests: 1, writeUnits: 1 });
  });

  it('given a caller that did not ask for consumed capacity, when answered, then it gets none; one that asked gets it', async () => {
    const plain = await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'd', sk: '1' } }));
    const asked = await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'd', sk: '2' }, ReturnConsumedCapacity: 'TOTAL' }));

    expect(plain.ConsumedCapacity).toBeUndefined();
    expect(asked.ConsumedCapacity).toEqual(expect.objectContaining({ CapacityUnits: 1, TableName: TABLE }));
  });

  it('given requests made within a component, when counted, then they are filed under it, the innermost one winning', async () => {
    await meter.within('workflow', async () => {
      await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'e', sk: '1' } }));
      await meter.within('detect', () => ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: 'e', sk: '2' } })));
    });

    expect(row('PutItem', 'workflow')).toMatchObject({ requests: 1 });
    expect(row('PutItem', 'detect')).toMatchObject({ requests: 1 });
    expect(row('PutItem')).toBeUndefined();
  });
});

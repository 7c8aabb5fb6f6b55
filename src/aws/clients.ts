/**
 * AWS clients shared by the handlers, created once per process (Lambda container reuse).
 * The local runtime swaps them: DynamoDB points at the embedded dynalite server, S3 at the in-process
 * S3-compatible server (s3rver), SQS sends go to the runtime's own queues (local/queue.ts), and SNS, which
 * has no local implementation, is replaced by a recorder (see local/topic.ts) — the one mocked AWS API.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient, type PublishCommandInput } from '@aws-sdk/client-sns';
import { PublishCommand } from '@aws-sdk/client-sns';
import { ENV } from '../pipeline/env';

export interface Publisher {
  publish(input: PublishCommandInput): Promise<{ MessageId?: string }>;
}

export interface Clients {
  readonly ddb: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly sns: Publisher;
}

let current: Clients | undefined;

export function createDynamoClient(endpoint?: string): DynamoDBClient {
  return new DynamoDBClient(endpoint ? { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {});
}

/**
 * An S3 client; with an endpoint (the local runtime's s3rver), path-style and s3rver's fixed local credentials, and
 * checksums only where an API requires them: s3rver neither checks nor returns S3's flexible checksums (CRC32), so
 * computing them costs CPU for nothing (a fifth of a large GET's).
 */
export function createS3Client(endpoint?: string): S3Client {
  return new S3Client(
    endpoint
      ? { endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {},
  );
}

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
}

export function createDynamo(endpoint?: string): DynamoDBDocumentClient {
  return documentClient(createDynamoClient(endpoint));
}

export function clients(): Clients {
  if (!current) {
    const sns = new SNSClient({});
    current = {
      ddb: createDynamo(process.env[ENV.dynamoEndpoint]),
      s3: createS3Client(process.env[ENV.s3Endpoint]),
      sns: { publish: (input) => sns.send(new PublishCommand(input)) },
    };
  }
  return current;
}

/** Replace the clients (local runtime and tests). */
export function setClients(c: Clients | undefined): void {
  current = c;
}

/**
 * The tenant's findings topic, locally. SNS has no local implementation, so a publish is recorded in
 * memory instead: the one mock of the local runtime.
 */
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import type { Publisher } from '../src/aws/clients';
import { chunksOf, type RequestMeter } from '../src/aws/request-meter';

export interface PublishedMessage {
  readonly input: PublishCommandInput;
  readonly at: string;
  /** Parsed default (JSON) message. */
  readonly body: { kind: string; tenantId: string; severity: string; total: number; findings: Array<Record<string, unknown>> };
}

export class LocalTopic implements Publisher {
  /** Every message published, in order. */
  readonly published: PublishedMessage[] = [];

  /** @param meter counts each publish (SNS bills per 64 KB chunk of message). @default - not counted */
  constructor(
    readonly arn: string,
    private readonly meter?: RequestMeter,
  ) {}

  async publish(input: PublishCommandInput): Promise<{ MessageId: string }> {
    const bytes = Buffer.byteLength(JSON.stringify(input));
    this.meter?.record({ service: 'SNS', operation: 'Publish', resource: this.arn }, { requests: 1, bytes, chunks: chunksOf(bytes) });
    this.published.push({ input, at: new Date().toISOString(), body: JSON.parse(JSON.parse(input.Message!).default) });
    return { MessageId: `local-${this.published.length}` };
  }
}

/**
 * The tenant's findings topic, locally. SNS has no local implementation, so a publish is recorded in
 * memory instead: the one mock of the local runtime.
 */
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import type { Publisher } from '../src/aws/clients';

export interface PublishedMessage {
  readonly input: PublishCommandInput;
  readonly at: string;
  /** Parsed default (JSON) message. */
  readonly body: { kind: string; tenantId: string; severity: string; total: number; findings: Array<Record<string, unknown>> };
}

export class LocalTopic implements Publisher {
  /** Every message published, in order. */
  readonly published: PublishedMessage[] = [];

  constructor(readonly arn: string) {}

  async publish(input: PublishCommandInput): Promise<{ MessageId: string }> {
    this.published.push({ input, at: new Date().toISOString(), body: JSON.parse(JSON.parse(input.Message!).default) });
    return { MessageId: `local-${this.published.length}` };
  }
}

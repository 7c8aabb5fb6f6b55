/** EncryptedQueue alone: the SQS ranges it checks, and one policy per queue. */
import { EncryptedQueue, MAX_RETENTION_SECONDS, type EncryptedQueueProps } from '../../../stacks/constructs/encrypted-queue';
import { emptyStack } from './support';

const queue = (props: Partial<EncryptedQueueProps> = {}) => new EncryptedQueue(emptyStack(), 'queue', { name: 'q', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', ...props });

describe('EncryptedQueue', () => {
  it('given no visibility timeout, when constructed, then it has the 30 s default and says so', () => {
    expect(queue().visibilityTimeoutSeconds).toBe(30);
  });

  it.each([
    ['a visibility timeout over 12 hours', { visibilityTimeoutSeconds: 43_201 }, /test\/queue: visibilityTimeoutSeconds must be a whole number from 0 to 43200, got 43201/],
    ['a retention under a minute', { messageRetentionSeconds: 59 }, /messageRetentionSeconds must be a whole number from 60 to 1209600, got 59/],
    ['a retention over 14 days', { messageRetentionSeconds: MAX_RETENTION_SECONDS + 1 }, /messageRetentionSeconds must be a whole number from 60 to 1209600/],
    ['no receive before the dead-letter queue', { maxReceiveCount: 0 }, /maxReceiveCount must be a whole number from 1 to 1000, got 0/],
    ['a data key reused for under a minute', { kmsDataKeyReusePeriodSeconds: 30 }, /kmsDataKeyReusePeriodSeconds must be a whole number from 60 to 86400, got 30/],
  ])('given %s, when constructed, then it fails naming the prop and the range', (_what, props, message) => {
    expect(() => queue(props)).toThrow(message);
  });

  it('given the longest retention, when constructed, then it is accepted', () => {
    expect(() => queue({ messageRetentionSeconds: MAX_RETENTION_SECONDS })).not.toThrow();
  });

  it('given a queue that already allows a sender, when allowSendFrom is called again, then it fails: a queue has one policy', () => {
    const q = queue();
    q.allowSendFrom('events.amazonaws.com', ['arn:aws:events:eu-west-1:111111111111:rule/r']);
    expect(() => q.allowSendFrom('events.amazonaws.com', ['arn:aws:events:eu-west-1:111111111111:rule/s'])).toThrow(/test\/queue: allowSendFrom was already called/);
  });

  it('given no source ARN, when allowSendFrom is called, then it fails', () => {
    expect(() => queue().allowSendFrom('events.amazonaws.com', [])).toThrow(/allowSendFrom needs at least one source ARN/);
  });
});

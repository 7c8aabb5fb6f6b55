/** PartnerEventBus alone: bound to Okta's partner source, with an archive name and retention EventBridge accepts. */
import { PartnerEventBus, type PartnerEventBusProps } from '../../../stacks/constructs/partner-event-bus';
import { emptyStack } from './support';

function bus(props: Partial<PartnerEventBusProps> = {}): PartnerEventBus {
  return new PartnerEventBus(emptyStack(), 'okta', {
    eventSourceName: 'aws.partner/okta.com/acme/vigil',
    archiveName: 'vigil-acme-okta',
    archiveRetentionDays: 30,
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:delivery-dlq',
    ...props,
  });
}

describe('PartnerEventBus', () => {
  it('given a retention of 0, when constructed, then the archive keeps events forever', () => {
    expect(bus({ archiveRetentionDays: 0 }).archive.retentionDaysInput).toBe(0);
  });

  it('given a source that is not an Okta partner source, when constructed, then it fails', () => {
    expect(() => bus({ eventSourceName: 'vigil-acme' })).toThrow('test/okta: eventSourceName must be Okta\'s partner event source (aws.partner/okta.com/...), got "vigil-acme"');
  });

  it.each([['too long', 'a'.repeat(49)], ['empty', ''], ['with a slash', 'vigil/acme']])('given an archive name %s, when constructed, then it fails', (_what, name) => {
    expect(() => bus({ archiveName: name })).toThrow(/test\/okta: archiveName must be 1-48 letters, digits/);
  });

  it.each([-1, 1.5])('given a retention of %p days, when constructed, then it fails', (days) => {
    expect(() => bus({ archiveRetentionDays: days })).toThrow(`test/okta: archiveRetentionDays must be a whole number of days, 0 (forever) or more, got ${days}`);
  });
});

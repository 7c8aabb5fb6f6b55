/** TenantKey alone: a deletion window KMS accepts. */
import { TenantKey } from '../../../stacks/constructs/tenant-key';
import { TenantArns, tenantNames } from '../../../stacks/naming';
import { emptyStack } from './support';

const key = (deletionWindowInDays?: number) =>
  new TenantKey(emptyStack(), 'key', { names: tenantNames({ id: 'acme', okta: { org: 'acme', eventSourceName: 'vigil' } }), arns: new TenantArns('eu-west-1', '111111111111'), bucketName: 'vigil-acme-111111111111', ruleNames: ['vigil-acme-ingest'], alarmNames: ['vigil-acme-feed-silent'], logGroupNames: ['/aws/lambda/vigil-acme-ingest'], deletionWindowInDays });

describe('TenantKey', () => {
  it('given no deletion window, when constructed, then deletion waits 30 days', () => {
    expect(key().key.deletionWindowInDaysInput).toBe(30);
  });

  it.each([6, 31])('given a deletion window of %p days, when constructed, then it fails: KMS waits 7 to 30 days', (days) => {
    expect(() => key(days)).toThrow(`test/key: deletionWindowInDays must be a whole number from 7 to 30, got ${days}`);
  });
});

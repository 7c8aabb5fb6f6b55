/** Tenants in China (aws-cn) and GovCloud (aws-us-gov): every ARN and regional service principal of their stacks is in their partition. */
import { partition as sdkPartition } from '@aws-sdk/core/client';
import { PARTITIONS, REGIONS } from '../../src/aws/regions';
import { parseTenant } from '../../src/tenants/load';
import { partitionOf } from '../../stacks/naming';
import { synthTenant } from './support';

function tenantIn(region: string) {
  const { tenant, problems } = parseTenant('t.json', { id: 'acme', okta: { org: 'acme', eventSourceName: 'vigil-acme' }, aws: { accountId: '111111111111', region } });
  if (!tenant) throw new Error(JSON.stringify(problems));
  return tenant;
}

describe('ARN partitions', () => {
  it('given every region Vigil knows, then its partition is the one the AWS SDK gives it', () => {
    for (const region of REGIONS) expect([region, partitionOf(region)]).toEqual([region, sdkPartition(region).name]);
    expect(Object.keys(PARTITIONS)).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });

  it('given a region that does not exist, then it has no partition', () => {
    expect(() => partitionOf('us-east-7')).toThrow(/unknown AWS region "us-east-7"/);
  });

  it.each([
    ['cn-north-1', 'aws-cn', 'logs.cn-north-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'logs.us-gov-west-1.amazonaws.com'],
  ])('given a tenant in %s, when synthesized, then every ARN is in %s and the logs principal is %s', (region, partition, logsPrincipal) => {
    const text = JSON.stringify(synthTenant(tenantIn(region)).json);
    const arns = [...text.matchAll(/arn:([a-z-]+):/g)].map((m) => m[1]);
    expect(arns.length).toBeGreaterThan(10);
    expect([...new Set(arns)]).toEqual([partition]);
    expect(text).toContain(logsPrincipal);
    expect(text).toContain(`arn:${partition}:states:::dynamodb:updateItem`);
  });
});

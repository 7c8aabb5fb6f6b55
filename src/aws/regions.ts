/**
 * The AWS regions a tenant's pipeline may run in, and the ARN partition of each: defined once for the tenant schema
 * (a region that does not exist is refused) and for the ARNs the stacks build. The commercial, China and GovCloud
 * partitions, as the AWS SDK's partition table lists them (a test checks the two agree); the isolated (ISO) and
 * sovereign partitions are left out: Okta's log streaming does not reach them.
 */
export const PARTITIONS = {
  aws: [
    'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2',
    'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'me-west-1', 'mx-central-1', 'sa-east-1', 'sa-west-1',
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-east-1', 'us-gov-west-1'],
} as const;

export type Partition = keyof typeof PARTITIONS;

const BY_REGION = new Map<string, Partition>(Object.entries(PARTITIONS).flatMap(([p, regions]) => regions.map((r) => [r, p as Partition] as const)));

/** Every region above. */
export const REGIONS: readonly string[] = [...BY_REGION.keys()];

/** The partition of a region, or undefined for a region that does not exist (or is in a partition left out). */
export function partitionOfRegion(region: string): Partition | undefined {
  return BY_REGION.get(region);
}

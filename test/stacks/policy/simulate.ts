/**
 * IAM policy simulation (@cloud-copilot/iam-simulate) of synthesized tenant stacks, with their references
 * resolved to the ARNs they would have (./resolve.ts): what a tenant's roles, and the AWS services its key
 * policy admits, may do to a given resource.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Tenant } from '../../../src/tenants/schema';
import type { TfJson } from '../support';
import { Resolver } from './resolve';
import { policies, resourcesOfType, type IamPolicy } from './terraform';

/** One tenant's stack as deployed: its roles' policies, its resources' ARNs and resource policies. */
export class DeployedStack {
  readonly resolver: Resolver;
  constructor(
    readonly tenant: Tenant,
    readonly json: TfJson,
  ) {
    this.resolver = new Resolver(json, tenant);
  }

  /** Every role (functions, workflow, schedules) with its inline policy, by role name. */
  roles(): Array<{ name: string; arn: string; policy: IamPolicy }> {
    return resourcesOfType(this.json, 'aws_iam_role').map((role) => {
      const inline = policies(this.json).find((p) => p.usedBy.type === 'aws_iam_role_policy' && p.usedBy.config.role === `\${${role.address}.id}`);
      if (!inline) throw new Error(`${role.address} has no inline policy`);
      return { name: role.config.name, arn: this.resolver.attribute('aws_iam_role', role.name, 'arn'), policy: this.resolver.resolve(inline.policy) };
    });
  }

  /** ARNs of every resource of a type. */
  arnsOf(type: string): string[] {
    return resourcesOfType(this.json, type).map((r) => this.resolver.attribute(type, r.name, 'arn'));
  }

  /** The resource policy that protects an ARN: the key policy, a queue's or the bucket's policy. */
  resourcePolicyOf(arn: string): IamPolicy | undefined {
    for (const use of policies(this.json)) {
      const target =
        use.usedBy.type === 'aws_kms_key'
          ? this.resolver.attribute('aws_kms_key', use.usedBy.name, 'arn')
          : use.usedBy.type === 'aws_sqs_queue_policy'
            ? this.arnOfQueueUrl(use.usedBy.config.queue_url)
            : use.usedBy.type === 'aws_s3_bucket_policy'
              ? `arn:aws:s3:::${this.resolver.resolve(use.usedBy.config.bucket)}`
              : undefined;
      if (target && (arn === target || arn.startsWith(`${target}/`))) return this.resolver.resolve(use.policy);
    }
    return undefined;
  }

  private arnOfQueueUrl(urlReference: string): string {
    const url = this.resolver.resolve(urlReference);
    const queue = resourcesOfType(this.json, 'aws_sqs_queue').find((q) => this.resolver.attribute('aws_sqs_queue', q.name, 'url') === url)!;
    return this.resolver.attribute('aws_sqs_queue', queue.name, 'arn');
  }
}

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export interface Request {
  /** A role ARN, or a service principal (`logs.us-east-1.amazonaws.com`). */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string | string[]>;
  /** The principal's identity policy (none for a service). */
  readonly identityPolicy?: IamPolicy;
  /** The stack that holds the resource (its resource policy applies). */
  readonly owner: DeployedStack;
}

/** The decision IAM would make; a request iam-simulate cannot evaluate fails the test with its errors. */
export async function decide(request: Request): Promise<Decision> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.owner.tenant.aws.accountId },
        contextVariables: { 'aws:SecureTransport': 'true', ...request.context },
      },
      identityPolicies: request.identityPolicy ? [{ name: 'least-privilege', policy: request.identityPolicy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: request.owner.resourcePolicyOf(request.resource),
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`cannot simulate ${request.action} on ${request.resource} by ${request.principal}: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

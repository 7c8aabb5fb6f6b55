/**
 * IAM policy documents, always rendered by Terraform (`aws_iam_policy_document`), never by
 * `JSON.stringify`: statements refer to resources by Terraform reference, and a token inside
 * `JSON.stringify` would render invalid HCL.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
  type DataAwsIamPolicyDocumentStatementCondition,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { Construct } from 'constructs';

export type Statement = DataAwsIamPolicyDocumentStatement;
export type Condition = DataAwsIamPolicyDocumentStatementCondition;

export function policyDocument(scope: Construct, id: string, statements: readonly Statement[]): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, { statement: [...statements] });
}

export function condition(test: string, variable: string, ...values: string[]): Condition {
  return { test, variable, values };
}

/** Trust policy for a role assumed by an AWS service, optionally only on behalf of this account. */
export function assumeRolePolicy(scope: Construct, id: string, service: string, conditions: readonly Condition[] = []): DataAwsIamPolicyDocument {
  return policyDocument(scope, id, [
    {
      sid: 'AssumedByService',
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', identifiers: [service] }],
      ...(conditions.length ? { condition: [...conditions] } : {}),
    },
  ]);
}

/**
 * X-Ray's write actions do not support resource-level permissions: AWS requires `*` here. This is the
 * one identity-policy statement with a wildcard resource (besides Step Functions log delivery).
 */
export const XRAY_WRITE: Statement = {
  sid: 'XRayWriteAwsRequiresWildcard',
  actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  resources: ['*'],
};

/** Use of the tenant key by a role (SQS, SNS, CMK-encrypted Step Functions). */
export function useKey(keyArn: string, sid = 'UseTenantKey'): Statement {
  return { sid, actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [keyArn] };
}

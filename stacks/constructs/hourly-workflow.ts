/**
 * The hourly workflow: a STANDARD Step Functions state machine running hourlyWorkflow() (the same
 * definition the local runtime executes), rendered with Terraform's jsonencode because it holds
 * Terraform references (function ARNs, table names). Encrypted with the tenant key, traced, logged to a
 * KMS-encrypted log group. Its role may invoke the three workflow functions, query the events table and
 * update the hours table, and nothing else of the tenant's.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { hourlyWorkflow } from '../../src/workflow/hourly-state-machine';
import { literalDeep } from '../literal';
import { checkInteger, checkLogRetention } from './checks';
import { assumeRolePolicy, condition, policyDocument, useKey, XRAY_WRITE } from './policy';

/**
 * Log delivery for Step Functions goes through CloudWatch Logs vended-log APIs, which do not support
 * resource-level permissions: AWS requires `*` for these actions.
 */
export const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

export interface HourlyWorkflowProps {
  readonly stateMachineName: string;
  /** ARN the state machine will have (for the trust policy, which must exist before it). */
  readonly stateMachineArn: string;
  readonly logGroupName: string;
  /** The tenant's account: only its Step Functions may assume the role. */
  readonly account: string;
  readonly kmsKeyArn: string;
  readonly planFunctionArn: string;
  readonly detectFunctionArn: string;
  readonly notifyFunctionArn: string;
  readonly eventsTableName: string;
  readonly eventsTableArn: string;
  readonly hoursTableName: string;
  readonly hoursTableArn: string;
  /** Hours processed at once (0 for no limit). Keep 1: each hour starts from the state the hour before it saved. @default 1 (hourlyWorkflow's default) */
  readonly maxConcurrency?: number;
  /** Days the execution logs are kept: one of CloudWatch Logs' retention periods. @default 30 */
  readonly logRetentionDays?: number;
  /** The ARN partition of the tenant's region, for the service integrations' task resources. @default 'aws' */
  readonly partition?: string;
}

export class HourlyWorkflow extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: HourlyWorkflowProps) {
    super(scope, id);
    checkInteger(this, 'maxConcurrency', props.maxConcurrency, 0, 1000);
    checkLogRetention(this, 'logRetentionDays', props.logRetentionDays);
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: props.logGroupName,
      retentionInDays: props.logRetentionDays ?? 30,
      kmsKeyId: props.kmsKeyArn,
    });

    this.role = new IamRole(this, 'role', {
      name: props.stateMachineName,
      description: 'Vigil hourly workflow',
      assumeRolePolicy: assumeRolePolicy(this, 'trust', 'states.amazonaws.com', [
        condition('StringEquals', 'aws:SourceAccount', props.account),
        condition('ArnLike', 'aws:SourceArn', props.stateMachineArn),
      ]).json,
    });
    const policy = new IamRolePolicy(this, 'policy', {
      name: 'least-privilege',
      role: this.role.id,
      policy: policyDocument(this, 'permissions', [
        { sid: 'InvokeWorkflowFunctions', actions: ['lambda:InvokeFunction'], resources: [props.planFunctionArn, props.detectFunctionArn, props.notifyFunctionArn] },
        { sid: 'FindChunks', actions: ['dynamodb:Query'], resources: [props.eventsTableArn] },
        { sid: 'MarkHours', actions: ['dynamodb:UpdateItem'], resources: [props.hoursTableArn] },
        useKey(props.kmsKeyArn),
        { sid: 'LogDeliveryAwsRequiresWildcard', actions: LOG_DELIVERY_ACTIONS, resources: ['*'] },
        XRAY_WRITE,
      ]).json,
    });

    const definition = hourlyWorkflow({
      planFunctionArn: props.planFunctionArn,
      detectFunctionArn: props.detectFunctionArn,
      notifyFunctionArn: props.notifyFunctionArn,
      eventsTable: props.eventsTableName,
      hoursTable: props.hoursTableName,
      maxConcurrency: props.maxConcurrency,
      partition: props.partition,
    });
    this.stateMachine = new SfnStateMachine(this, 'state-machine', {
      name: props.stateMachineName,
      type: 'STANDARD',
      roleArn: this.role.arn,
      // literalDeep: a `${` in the ASL (JSONPath, intrinsic functions) must reach Step Functions as is.
      definition: Fn.jsonencode(literalDeep(definition)),
      loggingConfiguration: { level: 'ALL', includeExecutionData: false, logDestination: `${this.logGroup.arn}:*` },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 },
      // Step Functions validates the role (logging, KMS) when the state machine is created.
      dependsOn: [policy],
    });
  }

  get arn(): string {
    return this.stateMachine.arn;
  }
}

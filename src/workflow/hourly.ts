/**
 * The hourly workflow, as an Amazon States Language definition, built once and used twice: the stack
 * renders it (with Terraform references for the ARNs and table names) into the Step Functions state
 * machine, and the local runtime executes the very same object with aws-local-stepfunctions.
 *
 * It passes references, never events: hours, chunk keys and counts (Step Functions payloads are
 * limited to 256 KB).
 *
 *   Plan -> AnyHours? -> EachHour(Map: FindChunks -> Detect -> Notify -> MarkDone | on error MarkForReprocess) -> Verdict
 *
 * The Map runs the hours one at a time, oldest first: each hour starts from the state the hour before it
 * saved.
 */

export interface HourlyWorkflowRefs {
  /** Lambda function ARNs (or Terraform references to them). */
  readonly planFunctionArn: string;
  readonly detectFunctionArn: string;
  readonly notifyFunctionArn: string;
  /** DynamoDB table names. */
  readonly eventsTable: string;
  readonly hoursTable: string;
  /**
   * Hours processed at once. @default 1: an hour starts from the state snapshots the hour before it
   * wrote, so hours in one run (a reprocessed hour and the closed hour after it, a backlog) must run in
   * order, one after the other; with more than one, an hour can start before its predecessor has saved
   * its state and miss everything that spans the boundary.
   */
  readonly maxConcurrency?: number;
}

/** Task resources for the DynamoDB integrations used by the workflow (the local runtime implements them). */
export const DYNAMODB_QUERY = 'arn:aws:states:::aws-sdk:dynamodb:query';
export const DYNAMODB_UPDATE_ITEM = 'arn:aws:states:::dynamodb:updateItem';

const lambdaRetry = [
  {
    ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

/** DynamoDB's transient errors. The optimized integration (updateItem) names them `DynamoDB.*`; the AWS SDK integration (query) `DynamoDb.*` per the Step Functions docs: both are listed. */
const dynamoRetry = [
  {
    ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException', 'DynamoDB.ThrottlingException', 'DynamoDB.RequestLimitExceeded', 'DynamoDB.InternalServerErrorException', 'DynamoDb.ProvisionedThroughputExceededException', 'DynamoDb.ThrottlingException', 'DynamoDb.RequestLimitExceededException', 'DynamoDb.InternalServerErrorException'],
    IntervalSeconds: 1,
    MaxAttempts: 5,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

const hourKey = { tenant: { 'S.$': '$.tenantId' }, hour: { 'S.$': '$.hour' } };

export function hourlyWorkflow(refs: HourlyWorkflowRefs): Record<string, unknown> {
  return {
    Comment: 'Vigil: detect over each closed event-time hour of one tenant, then notify',
    StartAt: 'Plan',
    States: {
      Plan: {
        Type: 'Task',
        Comment: 'The hour just closed (after the grace period) plus closed hours still pending (marked for reprocessing, never processed, or claimed by a run that died); claims each one',
        Resource: refs.planFunctionArn,
        // The whole input as `request`, so a manual start may leave out scheduledTime and hours.
        Parameters: { 'tenantId.$': '$.tenantId', 'request.$': '$', 'executionId.$': '$$.Execution.Id', 'startedAt.$': '$$.Execution.StartTime' },
        ResultPath: '$.plan',
        Retry: lambdaRetry,
        Next: 'AnyHours',
      },
      AnyHours: {
        Type: 'Choice',
        Choices: [{ Variable: '$.plan.hours[0]', IsPresent: true, Next: 'EachHour' }],
        Default: 'Processed',
      },
      EachHour: {
        Type: 'Map',
        ItemsPath: '$.plan.hours',
        MaxConcurrency: refs.maxConcurrency ?? 1,
        ItemSelector: { 'tenantId.$': '$.tenantId', 'hour.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'FindChunks',
          States: {
            FindChunks: {
              Type: 'Task',
              Comment: "Keys of the hour's event chunks (references only)",
              Resource: DYNAMODB_QUERY,
              Retry: dynamoRetry,
              Parameters: {
                TableName: refs.eventsTable,
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': { 'S.$': "States.Format('H#{}', $.hour)" } },
                ProjectionExpression: 'sk',
                ConsistentRead: true,
                // Bounds this state's payload; a Query page also ends at 1 MB read, whatever the Limit.
                Limit: 1000,
              },
              // The whole page, `LastEvaluatedKey` included when there is more: Detect reads the rest of the
              // hour's chunk keys from there (an ASL path to a member that may be absent would be an error).
              ResultPath: '$.chunks',
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkForReprocess' }],
              Next: 'Detect',
            },
            Detect: {
              Type: 'Task',
              Resource: refs.detectFunctionArn,
              Parameters: { 'tenantId.$': '$.tenantId', 'hour.$': '$.hour', 'chunks.$': '$.chunks' },
              ResultPath: '$.detect',
              Retry: lambdaRetry,
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkForReprocess' }],
              Next: 'Notify',
            },
            Notify: {
              Type: 'Task',
              Resource: refs.notifyFunctionArn,
              Parameters: { 'tenantId.$': '$.tenantId', 'hour.$': '$.hour', 'expected.$': '$.detect.findings', 'run.$': '$.detect.run' },
              ResultPath: '$.notify',
              // The findings index is eventually consistent: wait for it to show what Detect stored.
              Retry: [{ ErrorEquals: ['Vigil.FindingsNotIndexedYet'], IntervalSeconds: 1, MaxAttempts: 8, BackoffRate: 2 }, ...lambdaRetry],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkForReprocess' }],
              Next: 'MarkDone',
            },
            MarkDone: {
              Type: 'Task',
              Comment: 'Done, unless a late event re-opened the hour while it ran (then it stays marked for reprocessing)',
              Resource: DYNAMODB_UPDATE_ITEM,
              Retry: dynamoRetry,
              Parameters: {
                TableName: refs.hoursTable,
                Key: hourKey,
                UpdateExpression: 'SET #s = :done, processedAt = :now, findings = :findings, notified = :notified',
                ConditionExpression: '#s = :running',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: {
                  ':done': { S: 'DONE' },
                  ':running': { S: 'RUNNING' },
                  ':now': { 'S.$': '$$.Execution.StartTime' },
                  ':findings': { 'N.$': 'States.Format(\'{}\', $.detect.findings)' },
                  ':notified': { 'N.$': 'States.Format(\'{}\', $.notify.published)' },
                },
              },
              ResultSelector: { 'status': 'DONE' },
              Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.error', Next: 'ReopenedWhileRunning' }],
              ResultPath: '$.result',
              Next: 'HourDone',
            },
            ReopenedWhileRunning: { Type: 'Pass', Result: { status: 'REOPENED' }, ResultPath: '$.result', Next: 'HourDone' },
            HourDone: {
              Type: 'Pass',
              Parameters: { 'hour.$': '$.hour', 'status.$': '$.result.status', 'events.$': '$.detect.events', 'findings.$': '$.detect.findings', 'published.$': '$.notify.published' },
              End: true,
            },
            MarkForReprocess: {
              Type: 'Task',
              Comment: 'A step failed: leave the hour for the next run',
              Resource: DYNAMODB_UPDATE_ITEM,
              Retry: dynamoRetry,
              Parameters: {
                TableName: refs.hoursTable,
                Key: hourKey,
                UpdateExpression: 'SET #s = :reprocess, lastError = :error',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':reprocess': { S: 'REPROCESS' }, ':error': { 'S.$': '$.error.Error' } },
              },
              ResultPath: null,
              Next: 'HourFailed',
            },
            HourFailed: { Type: 'Pass', Parameters: { 'hour.$': '$.hour', status: 'FAILED', 'error.$': '$.error.Error' }, End: true },
          },
        },
        ResultPath: '$.hours',
        Next: 'Verdict',
      },
      Verdict: {
        Type: 'Pass',
        Parameters: { 'tenantId.$': '$.tenantId', 'hours.$': '$.hours', 'anyFailed.$': "States.ArrayContains($.hours[*].status, 'FAILED')" },
        Next: 'AnyFailed',
      },
      AnyFailed: {
        Type: 'Choice',
        Choices: [{ Variable: '$.anyFailed', BooleanEquals: true, Next: 'HoursFailed' }],
        Default: 'Processed',
      },
      HoursFailed: { Type: 'Fail', Error: 'Vigil.HoursFailed', Cause: 'One or more hours failed and are marked for reprocessing on the next run' },
      Processed: { Type: 'Succeed' },
    },
  };
}

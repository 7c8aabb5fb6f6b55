/**
 * The hourly workflow, as an Amazon States Language definition, built once and used twice: the stack
 * renders it (with Terraform references for the ARNs and table names) into the Step Functions state
 * machine, and the local runtime executes the very same object with aws-local-stepfunctions.
 *
 * It passes references, never events: hours, chunk keys and counts (Step Functions payloads are
 * limited to 256 KB).
 *
 *   Plan -> AnyHours? -> EachHour(Map: FindChunks -> Detect -> Notify -> AllDetectionsRan? -> MarkDone | MarkIncomplete
 *                                      | on error MarkForReprocess) -> Verdict
 *
 * The Map runs the hours one at a time, oldest first: each hour starts from the state the hour before it
 * saved.
 */
import { HOUR_STATUS, KEY_PREFIX } from '../store/keys';
import { HOUR_OUTCOME, STATE, WORKFLOW_ERROR } from './names';

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
  /** The ARN partition of the state machine's region (`aws-cn` in China, `aws-us-gov` in GovCloud). @default 'aws' */
  readonly partition?: string;
}

/** A Step Functions service integration's task resource, in a partition. */
const integration = (partition: string, name: string) => `arn:${partition}:states:::${name}`;
/** Task resources for the DynamoDB integrations used by the workflow (the local runtime implements them). */
export const DYNAMODB_QUERY = integration('aws', 'aws-sdk:dynamodb:query');
export const DYNAMODB_UPDATE_ITEM = integration('aws', 'dynamodb:updateItem');

/**
 * How every Task retries what passes: backoff from 2 s, doubling, at most a minute apart, 8 attempts: about
 * four minutes in all (less with full jitter), so an outage of a few minutes costs a delay, not the hour.
 * Longer than that, the hour is marked for reprocessing and the next run takes it.
 */
const TRANSIENT_BACKOFF = { IntervalSeconds: 2, MaxAttempts: 8, BackoffRate: 2, MaxDelaySeconds: 60, JitterStrategy: 'FULL' } as const;

/**
 * Lambda's own transient errors (the service, the SDK client Step Functions invokes with, throttling) and a
 * step's: a handler rethrows a connection error, a timeout or a 5xx of the services it calls as
 * WORKFLOW_ERROR.transient (src/aws/transient.ts).
 */
export const LAMBDA_TRANSIENT_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'Lambda.ClientExecutionTimeoutException', WORKFLOW_ERROR.transient];

/**
 * DynamoDB's transient errors: throttling, and DynamoDB unreachable or failing (a 5xx: InternalServerError,
 * ServiceUnavailable). The optimized integration (updateItem) names them `DynamoDB.*`; the AWS SDK integration
 * (query) `DynamoDb.*` per the Step Functions docs: both are listed.
 */
export const DYNAMODB_TRANSIENT_ERRORS = ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'RequestLimitExceededException', 'InternalServerErrorException', 'ServiceUnavailableException'].flatMap((e) => [`DynamoDB.${e}`, `DynamoDb.${e}`]);

const lambdaRetry = [{ ErrorEquals: LAMBDA_TRANSIENT_ERRORS, ...TRANSIENT_BACKOFF }];

const dynamoRetry = [{ ErrorEquals: DYNAMODB_TRANSIENT_ERRORS, ...TRANSIENT_BACKOFF }];

/**
 * Marking a failed hour for reprocessing outlasts a longer outage (about 17 minutes): were it to give up, the
 * hour would stay RUNNING until its claim went stale (STALE_CLAIM_MS) and be taken a run later than the next.
 */
const markForReprocessRetry = [{ ErrorEquals: DYNAMODB_TRANSIENT_ERRORS, ...TRANSIENT_BACKOFF, MaxAttempts: 20 }];

const hourKey = { tenant: { 'S.$': '$.tenantId' }, hour: { 'S.$': '$.hour' } };

/** The hour processed and notified: set to `status` with its counts, unless a late event re-opened it while it ran. */
function markProcessed(refs: HourlyWorkflowRefs, comment: string, status: string, outcome: string): Record<string, unknown> {
  return {
    Type: 'Task',
    Comment: comment,
    Resource: integration(refs.partition ?? 'aws', 'dynamodb:updateItem'),
    Retry: dynamoRetry,
    Parameters: {
      TableName: refs.hoursTable,
      Key: hourKey,
      UpdateExpression: 'SET #s = :status, processedAt = :now, findings = :findings, notified = :notified',
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':status': { S: status },
        ':running': { S: HOUR_STATUS.running },
        ':now': { 'S.$': '$$.Execution.StartTime' },
        ':findings': { 'N.$': "States.Format('{}', $.detect.findings)" },
        ':notified': { 'N.$': "States.Format('{}', $.notify.published)" },
      },
    },
    ResultSelector: { status: outcome },
    Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.error', Next: STATE.reopenedWhileRunning }],
    ResultPath: '$.result',
    Next: STATE.hourDone,
  };
}

export function hourlyWorkflow(refs: HourlyWorkflowRefs): Record<string, unknown> {
  const partition = refs.partition ?? 'aws';
  return {
    Comment: 'Vigil: detect over each closed event-time hour of one tenant, then notify',
    StartAt: STATE.plan,
    States: {
      [STATE.plan]: {
        Type: 'Task',
        Comment: 'The hour just closed (after the grace period) plus closed hours still pending (marked for reprocessing, never processed, or claimed by a run that died); claims each one',
        Resource: refs.planFunctionArn,
        // The whole input as `request`, so a manual start may leave out scheduledTime and hours.
        Parameters: { 'tenantId.$': '$.tenantId', 'request.$': '$', 'executionId.$': '$$.Execution.Id', 'startedAt.$': '$$.Execution.StartTime' },
        ResultPath: '$.plan',
        Retry: lambdaRetry,
        Next: STATE.anyHours,
      },
      [STATE.anyHours]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.plan.hours[0]', IsPresent: true, Next: STATE.eachHour }],
        Default: STATE.processed,
      },
      [STATE.eachHour]: {
        Type: 'Map',
        ItemsPath: '$.plan.hours',
        MaxConcurrency: refs.maxConcurrency ?? 1,
        ItemSelector: { 'tenantId.$': '$.tenantId', 'hour.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: STATE.findChunks,
          States: {
            [STATE.findChunks]: {
              Type: 'Task',
              Comment: "Keys of the hour's event chunks (references only)",
              Resource: integration(partition, 'aws-sdk:dynamodb:query'),
              Retry: dynamoRetry,
              Parameters: {
                TableName: refs.eventsTable,
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': { 'S.$': `States.Format('${KEY_PREFIX.hour}{}', $.hour)` } },
                // The reference and its earliest event's time: Detect merges the hour's objects in time order by it.
                ProjectionExpression: 'sk, #first',
                ExpressionAttributeNames: { '#first': 'first' },
                ConsistentRead: true,
                // Bounds this state's payload; a Query page also ends at 1 MB read, whatever the Limit.
                Limit: 1000,
              },
              // The whole page, `LastEvaluatedKey` included when there is more: Detect reads the rest of the
              // hour's chunk keys from there (an ASL path to a member that may be absent would be an error).
              ResultPath: '$.chunks',
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATE.markForReprocess }],
              Next: STATE.detect,
            },
            [STATE.detect]: {
              Type: 'Task',
              Resource: refs.detectFunctionArn,
              Parameters: { 'tenantId.$': '$.tenantId', 'hour.$': '$.hour', 'chunks.$': '$.chunks' },
              ResultPath: '$.detect',
              Retry: lambdaRetry,
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATE.markForReprocess }],
              Next: STATE.notify,
            },
            [STATE.notify]: {
              Type: 'Task',
              Resource: refs.notifyFunctionArn,
              Parameters: { 'tenantId.$': '$.tenantId', 'hour.$': '$.hour', 'expected.$': '$.detect.findings', 'run.$': '$.detect.run' },
              ResultPath: '$.notify',
              // The findings index is eventually consistent: wait for it to show what Detect stored.
              Retry: [{ ErrorEquals: [WORKFLOW_ERROR.findingsNotIndexedYet], IntervalSeconds: 1, MaxAttempts: 8, BackoffRate: 2 }, ...lambdaRetry],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATE.markForReprocess }],
              Next: STATE.allDetectionsRan,
            },
            [STATE.allDetectionsRan]: {
              Type: 'Choice',
              Comment: 'A detection that threw on an event cost only that pair; the hour is kept for the next run to try it again',
              Choices: [{ Variable: '$.detect.detectionFailures', NumericGreaterThan: 0, Next: STATE.markIncomplete }],
              Default: STATE.markDone,
            },
            [STATE.markDone]: markProcessed(refs, 'Done, unless a late event re-opened the hour while it ran (then it stays marked for reprocessing)', HOUR_STATUS.done, HOUR_OUTCOME.done),
            [STATE.markIncomplete]: markProcessed(refs, 'Processed and notified, but some detections threw on some events (the hour item lists them): marked for reprocessing', HOUR_STATUS.reprocess, HOUR_OUTCOME.incomplete),
            [STATE.reopenedWhileRunning]: { Type: 'Pass', Result: { status: HOUR_OUTCOME.reopened }, ResultPath: '$.result', Next: STATE.hourDone },
            [STATE.hourDone]: {
              Type: 'Pass',
              Parameters: { 'hour.$': '$.hour', 'status.$': '$.result.status', 'events.$': '$.detect.events', 'findings.$': '$.detect.findings', 'published.$': '$.notify.published', 'detectionFailures.$': '$.detect.detectionFailures' },
              End: true,
            },
            [STATE.markForReprocess]: {
              Type: 'Task',
              Comment: 'A step failed: leave the hour for the next run',
              Resource: integration(partition, 'dynamodb:updateItem'),
              Retry: markForReprocessRetry,
              Parameters: {
                TableName: refs.hoursTable,
                Key: hourKey,
                UpdateExpression: 'SET #s = :reprocess, lastError = :error',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':reprocess': { S: HOUR_STATUS.reprocess }, ':error': { 'S.$': '$.error.Error' } },
              },
              ResultPath: null,
              Next: STATE.hourFailed,
            },
            [STATE.hourFailed]: { Type: 'Pass', Parameters: { 'hour.$': '$.hour', status: HOUR_OUTCOME.failed, 'error.$': '$.error.Error' }, End: true },
          },
        },
        ResultPath: '$.hours',
        Next: STATE.verdict,
      },
      [STATE.verdict]: {
        Type: 'Pass',
        Parameters: { 'tenantId.$': '$.tenantId', 'hours.$': '$.hours', 'expired.$': '$.plan.expired', 'anyFailed.$': `States.ArrayContains($.hours[*].status, '${HOUR_OUTCOME.failed}')` },
        Next: STATE.anyFailed,
      },
      [STATE.anyFailed]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.anyFailed', BooleanEquals: true, Next: STATE.hoursFailed }],
        Default: STATE.processed,
      },
      [STATE.hoursFailed]: { Type: 'Fail', Error: WORKFLOW_ERROR.hoursFailed, Cause: 'One or more hours failed and are marked for reprocessing on the next run' },
      [STATE.processed]: { Type: 'Succeed' },
    },
  };
}

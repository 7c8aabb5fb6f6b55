/**
 * Counts the functions write as fields of their structured log lines (Powertools Logger, JSON), which a
 * CloudWatch Logs metric filter on the function's log group turns into a metric, alarmed in the stack
 * (stacks/constructs/pipeline-alarms.ts). Defined once for the handlers that log them and for the stack:
 * no metrics library and no cloudwatch:PutMetricData permission is needed.
 */
import type { LambdaName } from './lambdas';

export interface LogMetric {
  /** CloudWatch metric name (in the tenant's namespace, TenantNames.metricNamespace). */
  readonly name: string;
  /** The alarm's short name (`vigil-<tenant>-<alarm>`) and the metric filters' name prefix. */
  readonly alarm: string;
  /** The numeric field of the log line that carries the count; lines where it is above 0 count. */
  readonly field: string;
  /** The functions that log it. */
  readonly functions: readonly LambdaName[];
  /** What the alarm on it says. */
  readonly alarmDescription: string;
}

export const LOG_METRICS = {
  detectionFailures: {
    name: 'DetectionFailures',
    alarm: 'detection-failures',
    field: 'detectionFailures',
    functions: ['detect', 'ingest'],
    alarmDescription: "A detection threw on some events: each (detection, event) is logged ('detection failed'); the hourly pass lists them on their hour, which stays marked for reprocessing until the detection passes (near-time, in ingest, leaves them to it)",
  },
  hoursExpired: {
    name: 'HoursExpired',
    alarm: 'hours-expired',
    field: 'hoursExpired',
    functions: ['plan'],
    alarmDescription: "Hours were still pending when their events passed the tenant's retention: marked EXPIRED and never processed (Plan's log names them; `vigil simulate` lists them)",
  },
} as const satisfies Record<string, LogMetric>;

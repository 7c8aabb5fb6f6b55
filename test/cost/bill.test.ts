import type { Usage } from '../../src/aws/request-meter';
import { monthlyBill, pricedUsage, type CostInputs } from '../../src/cost/bill';

const ZERO = { requests: 0, bytes: 0, responseBytes: 0, chunks: 0, readUnits: 0, writeUnits: 0, firehoseBytes: 0, durationMs: 0, gbSeconds: 0 };
const row = (service: string, operation: string, component: string, q: Partial<Usage>): Usage => ({ service, operation, component, resource: '', ...ZERO, ...q });
const transitions = (n: number) => row('States', 'StateTransition', 'hourly-workflow', { requests: n });

/** A day of 1,000 events, counted: every hourly run the same as an empty one. */
const sample: CostInputs = {
  events: 1000,
  hourlyRuns: 24,
  day: [
    row('EventBridge', 'PartnerEvent', 'event-bus', { requests: 1000, chunks: 1000 }),
    row('EventBridge', 'ArchiveEvent', 'event-bus', { requests: 1000, bytes: 2 * 1024 * 1024 }),
    row('EventBridge', 'RuleDelivery', 'event-bus', { requests: 1250 }),
    row('SQS', 'SendMessage', 'queue', { requests: 1000, chunks: 1000 }),
    row('Lambda', 'Invoke', 'ingest', { requests: 10, gbSeconds: 5 }),
    row('DynamoDB', 'PutItem', 'ingest', { requests: 100, writeUnits: 100 }),
    row('DynamoDB', 'Query', 'simulation', { requests: 1000, readUnits: 1000 }),
    transitions(24 * 11),
  ],
  emptyHour: [transitions(11)],
  stored: { dynamoBytes: 0, s3Bytes: 0 },
  retentionDays: 30,
  archiveRetentionDays: 30,
  samplingRate: 0.05,
  resources: { aws_kms_key: 1, aws_cloudwatch_metric_alarm: 12, aws_lambda_function: 7 },
};

describe('monthly bill', () => {
  it('given a small counted day, when priced, then each component costs its counted units at list price per million events', () => {
    const bill = monthlyBill(sample);

    const per = Object.fromEntries(bill.byComponent.map((c) => [c.component, c.perMillionEvents]));
    const archive = 0.1 * (2 / 1024) / 1000 * 1e6 + (0.023 * (2 / 1024) * 30) / (1000 * (730 / 24)) * 1e6;
    expect(per['event-bus']).toBeCloseTo(1.0 + archive, 6);
    expect(per.queue).toBeCloseTo(0.4, 6);
    expect(per.ingest).toBeCloseTo(((10 * 0.2) / 1e6 + 5 * 0.0000133334 + (100 * 0.625) / 1e6) * 1000, 6);
    expect(per['hourly-workflow']).toBeCloseTo(0, 9);
    expect(per.simulation).toBeUndefined();
    expect(bill.floorPerMillion).toBeCloseTo(1.0 + archive, 6);
    expect(bill.ratioToFloor).toBeCloseTo(bill.perMillionEvents / bill.floorPerMillion, 9);
    expect(bill.eventsPerMonth).toBeCloseTo(1000 * (730 / 24), 6);
  });

  it('given the stack resources and an empty hourly run, when priced, then the fixed cost per tenant-month is the key, the alarms and 730 runs', () => {
    const bill = monthlyBill(sample);

    expect(bill.fixedUsd).toBeCloseTo(1.0 + 12 * 0.1 + (730 * 11 * 0.025) / 1000, 9);
  });

  it('given requests of a service the model has no price for, when priced, then it says so instead of calling them free', () => {
    expect(() => pricedUsage(row('Kinesis', 'PutRecords', 'ingest', { requests: 1 }), 0)).toThrow('the cost model has no price for Kinesis PutRecords');
  });
});

/**
 * The monthly bill of one tenant, from counted requests (src/aws/request-meter.ts) priced at list prices
 * (./prices.ts): a variable cost per event, and a fixed cost per tenant-month (the resources that bill by
 * the month, and the hourly schedule's runs when there is nothing to do).
 *
 *   variable = a day's requests - that day's hourly runs as if empty, + the storage the day adds
 *   fixed    = resource-months + 730 empty hourly runs
 *   floor    = what EventBridge alone charges for the same events: partner events and their archive
 */
import { SIMULATION, type Usage } from '../aws/request-meter';
import { cost, DAYS_PER_MONTH, HOURS_PER_MONTH, type PriceName } from './prices';

export interface CostInputs {
  /** The requests of one simulated day. */
  readonly day: readonly Usage[];
  /** Events delivered to the bus that day. */
  readonly events: number;
  /** Hourly runs in that day. */
  readonly hourlyRuns: number;
  /** The requests of one hourly run with no events (counted on an empty hour). */
  readonly emptyHour: readonly Usage[];
  /** Bytes the day left stored in DynamoDB and S3 (kept `retentionDays`). */
  readonly stored: { readonly dynamoBytes: number; readonly s3Bytes: number };
  readonly retentionDays: number;
  /** Days the archive keeps events; 0 (forever) is priced as a year. */
  readonly archiveRetentionDays: number;
  /** Fraction of traces X-Ray records. */
  readonly samplingRate: number;
  /** The tenant stack's resources by Terraform type (local/tenant-resources.ts). */
  readonly resources: Readonly<Record<string, number>>;
}

export interface BillLine {
  /** The function or part of the pipeline. */
  readonly component: string;
  readonly item: string;
  readonly price: PriceName;
  /** In the price's unit, per month. */
  readonly quantity: number;
  readonly usd: number;
}

export interface Bill {
  readonly eventsPerMonth: number;
  /** Variable cost at this volume, per month. */
  readonly variable: BillLine[];
  /** Per tenant-month, whatever the volume. */
  readonly fixed: BillLine[];
  readonly variableUsd: number;
  readonly fixedUsd: number;
  readonly perMillionEvents: number;
  /** EventBridge's own price for a million of these events: partner events and archive. */
  readonly floorPerMillion: number;
  readonly ratioToFloor: number;
  readonly byComponent: ReadonlyArray<{ readonly component: string; readonly perMillionEvents: number }>;
}

const FLOOR: ReadonlySet<PriceName> = new Set(['partnerEvents', 'archiveProcessing', 'archiveStorage']);
const S3_WRITES = /^(Put|Copy|Post|List|CreateMultipart|UploadPart|CompleteMultipart)/;
const FREE = new Set(['EventBridge/RuleDelivery', 'S3/DeleteObject', 'S3/DeleteObjects']);

type Priced = Array<{ item: string; price: PriceName; quantity: number }>;

/** What a row of counted requests is billed as. A service the model does not know is an error, not free. */
export function pricedUsage(u: Usage, samplingRate: number): Priced {
  if (FREE.has(`${u.service}/${u.operation}`)) return [];
  switch (u.service) {
    case 'EventBridge':
      if (u.operation === 'PartnerEvent') return [{ item: 'partner events', price: 'partnerEvents', quantity: u.chunks }];
      if (u.operation === 'ArchiveEvent') return [{ item: 'archive processing', price: 'archiveProcessing', quantity: u.bytes }];
      break;
    case 'SQS':
      return [{ item: `SQS ${u.operation}`, price: 'sqsRequests', quantity: u.chunks }];
    case 'Lambda':
      return [
        { item: 'Lambda requests', price: 'lambdaRequests', quantity: u.requests },
        { item: 'Lambda GB-seconds', price: 'lambdaArmDuration', quantity: u.gbSeconds },
      ];
    case 'DynamoDB':
      return [
        { item: `DynamoDB reads ${u.resource}`, price: 'dynamoReads', quantity: u.readUnits },
        { item: `DynamoDB writes ${u.resource}`, price: 'dynamoWrites', quantity: u.writeUnits },
      ].filter((p) => p.quantity > 0) as Priced;
    case 'States':
      return [{ item: 'state transitions', price: 'stateTransitions', quantity: u.requests }];
    case 'SNS':
      return [{ item: 'SNS publishes', price: 'snsPublishes', quantity: u.chunks }];
    case 'S3':
      return S3_WRITES.test(u.operation) ? [{ item: 'S3 PUT/LIST', price: 's3Writes', quantity: u.requests }] : [{ item: 'S3 GET/HEAD', price: 's3Reads', quantity: u.requests }];
    case 'Firehose':
      return [{ item: 'Firehose ingestion (5 KB steps)', price: 'firehoseIngestion', quantity: u.firehoseBytes }];
    case 'Scheduler':
      return [{ item: 'Scheduler invocations', price: 'schedulerInvocations', quantity: u.requests }];
    case 'XRay':
      return [{ item: 'X-Ray traces (sampled)', price: 'xrayTraces', quantity: u.requests * samplingRate }];
  }
  throw new Error(`the cost model has no price for ${u.service} ${u.operation}`);
}

/** Priced lines of some requests, times `factor`, merged by component and item. */
function lines(usage: readonly Usage[], factor: number, samplingRate: number): Map<string, BillLine> {
  const out = new Map<string, BillLine>();
  for (const u of usage) {
    if (u.component === SIMULATION) continue;
    for (const p of pricedUsage(u, samplingRate)) {
      const id = `${u.component}\u0000${p.item}`;
      const prev = out.get(id);
      const quantity = (prev?.quantity ?? 0) + p.quantity * factor;
      out.set(id, { component: u.component, item: p.item, price: p.price, quantity, usd: cost(p.price, quantity) });
    }
  }
  return out;
}

const line = (component: string, item: string, price: PriceName, quantity: number): BillLine => ({ component, item, price, quantity, usd: cost(price, quantity) });
const sum = (ls: readonly BillLine[]) => ls.reduce((n, l) => n + l.usd, 0);

export function monthlyBill(inputs: CostInputs): Bill {
  const { samplingRate } = inputs;
  // The day's runs would have happened without events too: that part is the fixed schedule's.
  const day = lines(inputs.day, DAYS_PER_MONTH, samplingRate);
  const baseline = lines(inputs.emptyHour, inputs.hourlyRuns * DAYS_PER_MONTH, samplingRate);
  const variable: BillLine[] = [...day.values()].map((l) => {
    const quantity = Math.max(0, l.quantity - (baseline.get(`${l.component}\u0000${l.item}`)?.quantity ?? 0));
    return { ...l, quantity, usd: cost(l.price, quantity) };
  });
  const archivedBytes = inputs.day.filter((u) => u.service === 'EventBridge' && u.operation === 'ArchiveEvent').reduce((n, u) => n + u.bytes, 0);
  const archiveDays = inputs.archiveRetentionDays || 365;
  variable.push(
    line('event-bus', `archive storage (${inputs.archiveRetentionDays ? `${archiveDays} days` : 'kept forever: a year'})`, 'archiveStorage', archivedBytes * archiveDays),
    line('storage', `DynamoDB storage (${inputs.retentionDays} days)`, 'dynamoStorage', inputs.stored.dynamoBytes * inputs.retentionDays),
    line('storage', `S3 storage (${inputs.retentionDays} days)`, 's3Storage', inputs.stored.s3Bytes * inputs.retentionDays),
  );

  const fixed: BillLine[] = [
    line('tenant', 'KMS customer managed keys', 'kmsKeys', inputs.resources.aws_kms_key ?? 0),
    line('tenant', 'CloudWatch alarms', 'alarms', inputs.resources.aws_cloudwatch_metric_alarm ?? 0),
    line('tenant', 'Secrets Manager secrets', 'secrets', inputs.resources.aws_secretsmanager_secret ?? 0),
    ...[...lines(inputs.emptyHour, HOURS_PER_MONTH, samplingRate).values()].map((l) => ({ ...l, item: `${l.item} (empty hourly runs)` })),
  ];

  const eventsPerMonth = inputs.events * DAYS_PER_MONTH;
  const perMillion = (usd: number) => (eventsPerMonth ? (usd / eventsPerMonth) * 1e6 : 0);
  const variableUsd = sum(variable);
  const floorPerMillion = perMillion(sum(variable.filter((l) => FLOOR.has(l.price))));
  const components = [...new Set(variable.map((l) => l.component))];
  return {
    eventsPerMonth,
    variable,
    fixed,
    variableUsd,
    fixedUsd: sum(fixed),
    perMillionEvents: perMillion(variableUsd),
    floorPerMillion,
    ratioToFloor: floorPerMillion ? perMillion(variableUsd) / floorPerMillion : 0,
    byComponent: components.map((component) => ({ component, perMillionEvents: perMillion(sum(variable.filter((l) => l.component === component))) })).sort((a, b) => b.perMillionEvents - a.perMillionEvents),
  };
}

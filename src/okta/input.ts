/**
 * Event intake, defined once: what a record must be to enter Vigil, for the CLI's readers (`vigil detect`,
 * `vigil simulate`), the ingest function (and the near-time detections it feeds) and the hourly read alike. Every record gets a verdict with its
 * reason; nothing is dropped silently and nothing in a record can make intake throw.
 */
import { DAY, HOUR, parseIsoTime } from '../time';
import { MalformedEventError, normalize, type OktaEvent } from './event';
import { OKTA_DETAIL_TYPE, OKTA_SOURCE_PREFIX, type OktaEnvelope } from './log-event';

/** What one input record turned out to be. Nothing is dropped silently: every record gets a verdict. */
export type Intake =
  /** `delivered`: the envelope's `time` (epoch ms), when the event came in one. */
  | { readonly kind: 'event'; readonly event: OktaEvent; readonly replayName?: string; readonly source?: string; readonly envelope?: OktaEnvelope; readonly delivered?: number }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'not-okta'; readonly reason: string; readonly value: unknown }
  /** An Okta System Log event of another org (or another log stream) than the tenant's. */
  | { readonly kind: 'foreign'; readonly reason: string; readonly value: unknown };

/** What the tenant expects of its records. */
export interface IntakeRules {
  /** The tenant's partner event source (`aws.partner/okta.com/<org>/<name>`); an envelope from any other is set aside. @default - any Okta partner source */
  readonly source?: string;
  /**
   * How many days before its delivery (the envelope's `time`) an event may have been published: the tenant's
   * retention, since nothing older is kept. @default - no bound (only a bare LogEvent has no delivery time)
   */
  readonly retentionDays?: number;
}

/** EventBridge's limit on one event (PutEvents and partner events alike): 256 KB. */
export const MAX_EVENT_BYTES = 256 * 1024;
/**
 * How deeply a record may nest (an envelope's top level is depth 1). A real LogEvent in its envelope reaches about 8
 * (`detail.request.ipChain[0].geographicalContext.geolocation.lat`); 32 leaves room for `debugData` holding JSON.
 */
export const MAX_DEPTH = 32;
/** How far after its delivery an event may say it was published: clocks disagree, but not by more than this. */
export const MAX_CLOCK_SKEW = HOUR;

function isEnvelope(value: Record<string, unknown>): boolean {
  return 'detail' in value && ('detail-type' in value || 'source' in value);
}

/** Whether a JSON value nests deeper than `max` (`depth`: the value's own, 1 at the top), stopping at the first too deep. */
export function nestsDeeperThan(value: unknown, max: number, depth = 1): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > max) return true;
  // Recursion goes no deeper than `max`, and only into objects and arrays; no arrays of children are made (this runs
  // on every record read).
  if (Array.isArray(value)) {
    for (const child of value) if (child !== null && typeof child === 'object' && nestsDeeperThan(child, max, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && Object.hasOwn(value, key) && nestsDeeperThan(child, max, depth + 1)) return true;
  }
  return false;
}

/** A value shown in a reason: short, and JSON (never the value's own toString). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
  return value === null || typeof value !== 'object' ? String(value) : Array.isArray(value) ? 'an array' : 'an object';
}

/** The envelope's checks: source (an Okta partner source, the tenant's own), detail-type and delivery time. */
function envelopeProblem(value: Record<string, unknown>, rules: IntakeRules): Intake | { time?: number } {
  const env = value;
  if (typeof env.source !== 'string' || !env.source.startsWith(OKTA_SOURCE_PREFIX)) return { kind: 'not-okta', reason: `source ${shown(env.source)} is not an Okta partner source`, value };
  if (env['detail-type'] !== OKTA_DETAIL_TYPE) return { kind: 'not-okta', reason: `detail-type ${shown(env['detail-type'])} is not ${OKTA_DETAIL_TYPE}`, value };
  if (rules.source !== undefined && env.source !== rules.source) return { kind: 'foreign', reason: `source ${shown(env.source)} is another Okta org or log stream than the tenant's ${rules.source}`, value };
  if (env['replay-name'] !== undefined && typeof env['replay-name'] !== 'string') return { kind: 'malformed', reason: `replay-name must be a string, not ${shown(env['replay-name'])}` };
  if (env.time === undefined) return {};
  const time = parseIsoTime(env.time);
  if (time === undefined) return { kind: 'malformed', reason: `envelope time ${shown(env.time)} is not an ISO-8601 timestamp with its zone` };
  return { time };
}

/** Whether an event's time fits its delivery: not after it (beyond clock skew), not before the tenant's retention. */
function untimely(event: OktaEvent, delivered: number | undefined, rules: IntakeRules): string | undefined {
  if (delivered === undefined) return undefined;
  if (event.time > delivered + MAX_CLOCK_SKEW) return `LogEvent ${event.uuid} published ${event.published}, after its delivery at ${new Date(delivered).toISOString()} (more than ${MAX_CLOCK_SKEW / HOUR} h of clock skew)`;
  if (rules.retentionDays !== undefined && event.time < delivered - rules.retentionDays * DAY) {
    return `LogEvent ${event.uuid} published ${event.published}, more than the tenant's retention (${rules.retentionDays} days) before its delivery at ${new Date(delivered).toISOString()}`;
  }
  return undefined;
}

/**
 * Accept either an EventBridge envelope (`source` the tenant's aws.partner/okta.com/... source, `detail-type`
 * SystemLog) or a bare Okta LogEvent, already parsed from JSON. Set aside, with the reason: anything not an object,
 * nesting deeper than {@link MAX_DEPTH}, another source, a LogEvent without a string uuid and eventType that fit the
 * store or without a zoned ISO-8601 `published`, an event published after its delivery or longer before it than the
 * tenant keeps anything.
 */
export function intake(value: unknown, rules: IntakeRules = {}): Intake {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'malformed', reason: 'not a JSON object' };
  if (nestsDeeperThan(value, MAX_DEPTH)) return { kind: 'malformed', reason: `nested deeper than ${MAX_DEPTH} levels, which no LogEvent is` };
  const obj = value as Record<string, unknown>;
  let delivered: number | undefined;
  let detail: unknown = obj;
  if (isEnvelope(obj)) {
    const checked = envelopeProblem(obj, rules);
    if ('kind' in checked) return checked;
    delivered = checked.time;
    detail = obj.detail;
  } else if (!('eventType' in obj) || !('uuid' in obj)) {
    return { kind: 'not-okta', reason: 'neither an EventBridge envelope nor an Okta LogEvent', value };
  }
  let event: OktaEvent;
  try {
    event = normalize(detail);
  } catch (err) {
    return { kind: 'malformed', reason: err instanceof MalformedEventError ? err.message : `unreadable LogEvent: ${String((err as Error)?.message)}` };
  }
  const late = untimely(event, delivered, rules);
  if (late) return { kind: 'malformed', reason: late };
  if (detail === obj) return { kind: 'event', event };
  const env = obj as unknown as OktaEnvelope;
  return { kind: 'event', event, replayName: env['replay-name'], source: env.source, envelope: env, ...(delivered === undefined ? {} : { delivered }) };
}

/** Verdicts given for a record over MAX_EVENT_BYTES (by identity: the verdict's shape is that of any malformed record). */
const OVERSIZE = new WeakSet<Intake>();

/** Whether a verdict of intakeText set the record aside for its size: EventBridge would refuse it (PutEvents). */
export function isOversize(verdict: Intake): boolean {
  return OVERSIZE.has(verdict);
}

/**
 * One record as text (an NDJSON line, a queued message body): at most {@link MAX_EVENT_BYTES}, then JSON, then
 * {@link intake}.
 */
export function intakeText(text: string, rules: IntakeRules = {}): Intake {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_EVENT_BYTES) {
    const verdict = { kind: 'malformed', reason: `${bytes} bytes, over EventBridge's ${MAX_EVENT_BYTES / 1024} KB limit for one event` } as const;
    OVERSIZE.add(verdict);
    return verdict;
  }
  if (text.trim() === '') return { kind: 'malformed', reason: 'empty record' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'malformed', reason: `invalid JSON: ${(err as Error).message}` };
  }
  return intake(value, rules);
}

/** Parse one NDJSON line. Blank lines are reported as undefined (skipped, not counted). */
export function intakeLine(line: string, rules: IntakeRules = {}): Intake | undefined {
  return line.trim() === '' ? undefined : intakeText(line, rules);
}

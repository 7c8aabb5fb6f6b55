import { MalformedEventError, normalize, type OktaEvent } from './event';
import { OKTA_DETAIL_TYPE, OKTA_SOURCE_PREFIX, type OktaEnvelope } from './log-event';

/** What one input record turned out to be. Nothing is dropped silently: every record gets a verdict. */
export type Intake =
  | { readonly kind: 'event'; readonly event: OktaEvent; readonly replayName?: string; readonly source?: string; readonly envelope?: OktaEnvelope }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'not-okta'; readonly reason: string; readonly value: unknown };

function isEnvelope(value: Record<string, unknown>): boolean {
  return 'detail' in value && ('detail-type' in value || 'source' in value);
}

/**
 * Accept either an EventBridge envelope (`source` aws.partner/okta.com/..., `detail-type` SystemLog)
 * or a bare Okta LogEvent, already parsed from JSON.
 */
export function intake(value: unknown): Intake {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'malformed', reason: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  if (isEnvelope(obj)) {
    const env = obj as unknown as OktaEnvelope;
    if (typeof env.source !== 'string' || !env.source.startsWith(OKTA_SOURCE_PREFIX)) {
      return { kind: 'not-okta', reason: `source ${JSON.stringify(env.source)} is not an Okta partner source`, value };
    }
    if (env['detail-type'] !== OKTA_DETAIL_TYPE) {
      return { kind: 'not-okta', reason: `detail-type ${JSON.stringify(env['detail-type'])} is not ${OKTA_DETAIL_TYPE}`, value };
    }
    try {
      return { kind: 'event', event: normalize(env.detail), replayName: env['replay-name'], source: env.source, envelope: env };
    } catch (err) {
      return { kind: 'malformed', reason: (err as Error).message };
    }
  }
  if (!('eventType' in obj) || !('uuid' in obj)) {
    return { kind: 'not-okta', reason: 'neither an EventBridge envelope nor an Okta LogEvent', value };
  }
  try {
    return { kind: 'event', event: normalize(obj) };
  } catch (err) {
    if (err instanceof MalformedEventError) return { kind: 'malformed', reason: err.message };
    throw err;
  }
}

/** Parse one NDJSON line. Blank lines are reported as undefined (skipped, not counted). */
export function intakeLine(line: string): Intake | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'malformed', reason: `invalid JSON: ${(err as Error).message}` };
  }
  return intake(value);
}

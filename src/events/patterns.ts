/**
 * EventBridge event patterns, defined once: the stacks put them on the tenant bus rules, and the local
 * runtime routes events with {@link matches}, the same matching semantics for the subset used here
 * (exact values, `prefix`, `exists`, `anything-but`, nested objects).
 */
import { OKTA_DETAIL_TYPE, OKTA_SOURCE_PREFIX } from '../okta/log-event';

export type PatternValue = string | number | boolean | null | { prefix: string } | { exists: boolean } | { 'anything-but': string | string[] };
export interface EventPattern {
  readonly [field: string]: readonly PatternValue[] | EventPattern;
}

/** EventBridge's limit on the size of one event pattern. */
export const MAX_PATTERN_LENGTH = 2048;

/** Every Okta System Log event delivered by the partner source. */
export function ingestPattern(): EventPattern {
  return { source: [{ prefix: OKTA_SOURCE_PREFIX }], 'detail-type': [OKTA_DETAIL_TYPE] };
}

/**
 * Why EventBridge would reject a pattern (no fields, an empty list of values, over the size limit), or
 * undefined when it would not.
 */
export function patternProblem(pattern: EventPattern, maxLength = MAX_PATTERN_LENGTH): string | undefined {
  const length = JSON.stringify(pattern).length;
  if (length > maxLength) return `it is ${length} characters, over the ${maxLength}-character limit`;
  const problem = (p: EventPattern, path: string): string | undefined => {
    const fields = Object.entries(p);
    if (!fields.length) return `${path || 'the pattern'} has no fields`;
    for (const [field, rule] of fields) {
      const at = path ? `${path}.${field}` : field;
      const found = Array.isArray(rule) ? (rule.length ? undefined : `${at} lists no values`) : problem(rule as EventPattern, at);
      if (found) return found;
    }
    return undefined;
  };
  return problem(pattern, '');
}

function matchValue(rule: PatternValue, value: unknown, present: boolean): boolean {
  if (rule !== null && typeof rule === 'object') {
    if ('prefix' in rule) return typeof value === 'string' && value.startsWith(rule.prefix);
    if ('exists' in rule) return rule.exists === present;
    if ('anything-but' in rule) {
      const banned = Array.isArray(rule['anything-but']) ? rule['anything-but'] : [rule['anything-but']];
      return present && !banned.includes(value as string);
    }
    return false;
  }
  return present && value === rule;
}

/** Whether an event (an EventBridge envelope) matches a pattern. */
export function matches(pattern: EventPattern, event: unknown): boolean {
  if (!event || typeof event !== 'object') return false;
  const obj = event as Record<string, unknown>;
  for (const [field, rule] of Object.entries(pattern)) {
    const present = field in obj && obj[field] !== undefined;
    const value = obj[field];
    if (Array.isArray(rule)) {
      const values = Array.isArray(value) ? value : [value];
      if (!rule.some((r) => (values.length ? values.some((v) => matchValue(r, v, present)) : matchValue(r, undefined, false)))) return false;
    } else if (!matches(rule as EventPattern, value)) return false;
  }
  return true;
}

/**
 * The part of an event that the patterns read: the fields they name, down to the values they test, so that `matches`
 * gives the same answer on the view as on the event. What routes an event need not keep the rest of it alive.
 */
export function patternView(event: unknown, patterns: readonly EventPattern[]): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event) || !patterns.length) return event;
  const obj = event as Record<string, unknown>;
  // The event's own prototype, so that a field it inherits is present in the view as it is in the event.
  const view = Object.create(Object.getPrototypeOf(obj) as object | null) as Record<string, unknown>;
  const keep = (field: string, value: unknown) => Object.defineProperty(view, field, { value, enumerable: true, writable: true, configurable: true });
  const nested = new Map<string, EventPattern[]>();
  for (const pattern of patterns) {
    for (const [field, rule] of Object.entries(pattern)) {
      if (!Object.hasOwn(obj, field)) continue;
      if (Array.isArray(rule)) keep(field, obj[field]);
      else nested.set(field, [...(nested.get(field) ?? []), rule as EventPattern]);
    }
  }
  for (const [field, rules] of nested) if (!Object.hasOwn(view, field)) keep(field, patternView(obj[field], rules));
  return view;
}

/** {@link singleEvent}: detections where one event is enough (an admin role granted, a policy deleted). */
import type { OktaEvent } from '../../okta/event';
import type { Detection, Params, Severity, Signal, Subject } from '../types';
import type { DetectionMeta } from './detection-meta';

/** What a single-event detection says about a matching event. */
export interface Match {
  readonly subject: Subject;
  readonly summary: string;
  readonly context?: Readonly<Record<string, unknown>>;
  /** This finding's severity, when the event makes it differ from the detection's. */
  readonly severity?: Severity;
  /**
   * A kind of finding kept apart from the subject's others in the hour (a failed attempt and a success): without it,
   * the first match of the hour would stand for both.
   */
  readonly kind?: string;
}

export interface SingleEventSpec<P extends Params> extends DetectionMeta<P> {
  /** Decide whether this event is a finding. */
  match(event: OktaEvent, params: P): Match | undefined;
}

/** A detection that fires on one event. Stateless; one finding per subject per hour. */
export function singleEvent<P extends Params>(spec: SingleEventSpec<P>): Detection<P, undefined> {
  const { match, ...meta } = spec;
  return {
    ...meta,
    stateTtlMinutes: () => 0,
    key(event, params) {
      const m = match(event, params);
      return m ? `${m.subject.type}:${m.subject.id}${m.kind ? `:${m.kind}` : ''}` : undefined;
    },
    step(_state, event, params) {
      const m = match(event, params);
      if (!m) return { state: undefined };
      const signal: Signal = {
        subject: m.subject,
        summary: m.summary,
        context: m.context,
        severity: m.severity,
        eventUuids: [event.uuid],
        windowStart: event.published,
        windowEnd: event.published,
      };
      return { state: undefined, signal };
    },
  };
}

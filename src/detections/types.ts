import type { OktaEvent } from '../okta/event';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * `near-time`: also evaluated within seconds of the event arriving, through a second rule on the tenant
 * bus; a finding notifies at once. `hourly`: evaluated by the hourly workflow only.
 * Every detection, whatever its mode, also runs in the hourly pass, which is authoritative.
 */
export type Mode = 'near-time' | 'hourly';

/**
 * `stable`: tuned on generated benign days (the bench's 0 benign findings) and on the peers' test events.
 * `experimental`: new; its thresholds and scope may still change with feedback.
 */
export type Status = 'stable' | 'experimental';

/** What an analyst does with a finding: what to look at first, and what to do when it is not explained. */
export interface Runbook {
  readonly check: readonly string[];
  readonly act: readonly string[];
}

/** A tunable value. Tenants can override any of them (same type) in their tenant file. */
export type ParamValue = number | string | boolean | readonly string[];
export type Params = Record<string, ParamValue>;

export interface Mitre {
  readonly tactic: string;
  /** ATT&CK technique id, e.g. `T1110.001`. */
  readonly technique: string;
  readonly name: string;
}

export type SubjectType = 'user' | 'ip' | 'org' | 'session' | 'device' | 'app' | 'policy' | 'zone' | 'idp' | 'token' | 'role' | 'group';

/** Who or what a finding is about. */
export interface Subject {
  readonly type: SubjectType;
  readonly id: string;
  /** Human label (login, IP, policy name). */
  readonly display?: string;
}

/** What a detection reports when it fires; the engine turns it into a {@link Finding}. */
export interface Signal {
  readonly subject: Subject;
  readonly summary: string;
  /** Events that make up the finding (the engine caps the list it keeps). */
  readonly eventUuids: readonly string[];
  /** Event time of the first and last events that make up the finding (ISO 8601). */
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly context?: Readonly<Record<string, unknown>>;
  /** This finding's severity when the event makes it differ from the detection's (blocked vs allowed, admin vs user). */
  readonly severity?: Severity;
}

/** What a detection may read of an earlier finding about a subject (see {@link Detection.readsFindings}). */
export interface PriorFinding {
  readonly detectionId: string;
  readonly severity: Severity;
  readonly windowStart: string;
  readonly windowEnd: string;
}

/** Earlier findings about a subject, from the detections a detection declared it reads. */
export type PriorFindings = (subject: Subject) => readonly PriorFinding[];

export interface StepResult<S> {
  /** The key's new state; undefined forgets the key. */
  readonly state: S | undefined;
  readonly signal?: Signal;
}

/**
 * A detection is data plus a per-key reducer. The engine routes each event whose `eventType` is listed
 * to `key()`, and feeds events with the same key, in event-time order, through `step()` with that key's
 * state. State must be small, JSON-serializable and pruned by the detection itself (windows); the
 * engine persists it between hours and forgets it `stateTtlMinutes` after the key's last event.
 */
export interface Detection<P extends Params = Params, S = unknown> {
  /** Stable kebab-case id, e.g. `okta-brute-force-user`. Used in tenant files, finding ids and SNS attributes. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The severity of a finding, unless the event makes it another (see {@link Detection.severityNote}). */
  readonly severity: Severity;
  /** How a finding's severity depends on the event, for detections whose findings set their own. */
  readonly severityNote?: string;
  readonly status: Status;
  /** Benign activity that can fire the detection, and how to tell it apart. */
  readonly falsePositives: readonly string[];
  readonly runbook: Runbook;
  readonly mitre: Mitre;
  readonly mode: Mode;
  /** The Okta `eventType` values this detection reads (exact; the near-time event pattern is built from them). */
  readonly eventTypes: readonly string[];
  /** Default thresholds and windows; every key can be overridden per tenant. */
  readonly defaults: P;
  /**
   * How long a key's state stays relevant after its last event. It may depend on the state (a learned baseline lasts
   * days, a window an hour); asked without one, the longest any key's state can have.
   */
  stateTtlMinutes(params: P, state?: S): number;
  /** The grouping key for an event, or undefined to ignore the event. */
  key(event: OktaEvent, params: P): string | undefined;
  /** `prior` answers with earlier findings about a subject, from the detections {@link Detection.readsFindings} names. */
  step(state: S | undefined, event: OktaEvent, params: P, prior?: PriorFindings): StepResult<S>;
  /**
   * Findings of other detections this one reads (through `step`'s `prior`), and how long after their last event. Only
   * the hourly pass runs every detection together, so a detection that reads findings is hourly.
   */
  readsFindings?(params: P): { readonly detections: readonly string[]; readonly withinMinutes: number };
  /**
   * Findings of other detections that this one's findings stand for: about the same subject, with a window that meets
   * this finding's (extended by `forMinutes` after its last event), they are not raised. One behaviour, one
   * notification. The detections subsumed are hourly: a near-time finding is notified before anything can subsume it.
   */
  readonly subsumes?: { readonly detections: readonly string[]; readonly forMinutes: number };
  /** Where the idea comes from (public rules, Okta docs). */
  readonly references: readonly string[];
  /** Where Vigil deliberately differs from the public rule sets on the same behaviour, and why. */
  readonly differences?: readonly string[];
}

/** A detection with its parameters resolved for one tenant. */
export interface ResolvedDetection {
  readonly detection: Detection<Params, unknown>;
  readonly params: Params;
}

/** A stored, notifiable finding. `id` is stable across reruns: detection + key + hour of the triggering event. */
export interface Finding {
  readonly id: string;
  readonly tenantId?: string;
  readonly detectionId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly technique: string;
  readonly mode: Mode;
  readonly subject: Subject;
  readonly summary: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly eventUuids: readonly string[];
  readonly context?: Readonly<Record<string, unknown>>;
  /** Event time (ISO) of the event that made the detection fire. */
  readonly triggeredAt: string;
}

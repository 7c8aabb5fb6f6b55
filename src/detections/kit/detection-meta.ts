/** What every detection declares besides its logic; the kit builders take it and add the logic. */
import type { Detection, Params } from '../types';

/** The descriptive fields of a {@link Detection}: everything but its per-key logic. */
export type DetectionMeta<P extends Params> = Pick<Detection<P>, 'id' | 'title' | 'description' | 'severity' | 'severityNote' | 'status' | 'falsePositives' | 'runbook' | 'mitre' | 'mode' | 'eventTypes' | 'defaults' | 'references' | 'differences' | 'subsumes'>;

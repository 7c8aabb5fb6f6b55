import type { Finding } from '../src/detections/types';

/** The stable, documented shape of one finding on a `--json` line. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    id: f.id,
    detectionId: f.detectionId,
    title: f.title,
    severity: f.severity,
    technique: f.technique,
    mode: f.mode,
    subject: f.subject,
    summary: f.summary,
    windowStart: f.windowStart,
    windowEnd: f.windowEnd,
    triggeredAt: f.triggeredAt,
    eventUuids: f.eventUuids,
    context: f.context,
  };
}

export function findingLine(f: Finding): string {
  return `${f.triggeredAt}  ${f.severity.toUpperCase().padEnd(8)} ${f.detectionId}  ${f.summary}`;
}

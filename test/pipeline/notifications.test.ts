import { digestNotification, findingNotification, nearTimeNotification, severityFilterPolicy, toPublishInput } from '../../src/pipeline/notifications';
import { SEVERITIES, type Finding, type Severity } from '../../src/detections/types';

const finding = (severity: Severity, id: string = severity): Finding => ({
  id,
  detectionId: 'okta-x',
  title: 'Something',
  severity,
  technique: 'T1110',
  mode: 'hourly',
  subject: { type: 'user', id: '00u1', display: 'pat@x.example' },
  summary: 'it happened',
  windowStart: '2026-11-02T09:00:00.000Z',
  windowEnd: '2026-11-02T09:05:00.000Z',
  eventUuids: ['u1'],
  triggeredAt: '2026-11-02T09:05:00.000Z',
});

/** SNS's rule for a filter policy on a String attribute: the value must be one of the listed ones. */
const admitted = (policy: Record<string, string[]>, attrs: Record<string, { StringValue?: string }>) => Object.entries(policy).every(([k, allowed]) => allowed.includes(attrs[k]?.StringValue ?? ''));

describe('notifications', () => {
  it.each(SEVERITIES.map((s) => [s]))('given a subscriber with minimum severity %s, then exactly that severity and above reach it', (min) => {
    const policy = severityFilterPolicy(min);
    for (const s of SEVERITIES) {
      const attrs = toPublishInput('arn:aws:sns:us-east-1:1:t', findingNotification('acme', finding(s))).MessageAttributes!;
      expect(admitted(policy, attrs)).toBe(SEVERITIES.indexOf(s) >= SEVERITIES.indexOf(min));
    }
  });

  it('given a near-time finding and pending ones, then one message carries all, at the highest severity', () => {
    const n = nearTimeNotification('acme', finding('medium', 'a'), [finding('medium', 'a'), finding('critical', 'b')]);
    expect(n.findings.map((f) => f.id)).toEqual(['a', 'b']);
    expect(n.severity).toBe('critical');
  });

  it('given a day with many findings, then the digest message stays within the SNS 256 KB limit', () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding('low', `f${i}`));
    const input = toPublishInput('arn:aws:sns:us-east-1:1:t', digestNotification('acme', '2026-11-02', many));
    expect(Buffer.byteLength(input.Message!)).toBeLessThan(256 * 1024);
    expect(JSON.parse(JSON.parse(input.Message!).default)).toMatchObject({ total: 2000 });
    expect(input.Subject!.length).toBeLessThanOrEqual(100);
  });
});

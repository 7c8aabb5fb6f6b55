import fc from 'fast-check';
import { intakeText } from '../../src/okta/input';
import { envelope, logEvent, PLACES, person, userActor } from '../../src/okta/fixtures';
import { mayBeOfHour, soleStringField } from '../../src/okta/raw-fields';
import { hourBucket } from '../../src/time';
import { attack, hostileCorpus } from '../hostile/corpus';

const SOURCE = 'aws.partner/okta.com/acme/vigil-acme';
const signIn = logEvent({ eventType: 'user.session.start', at: '2026-11-02T09:05:00.123Z', actor: userActor(person('jane@acme.example')), place: PLACES.london, outcome: 'SUCCESS' });
const line = (value: unknown) => JSON.stringify(value);

/** The hour the full intake gives a line, when it is an event. */
function judged(text: string): { hour: string } | undefined {
  const v = intakeText(text, { source: SOURCE });
  return v.kind === 'event' ? { hour: hourBucket(v.event.time) } : undefined;
}

describe('reading a field from a record without parsing it', () => {
  it('given an envelope as EventBridge writes it, when its published and eventType are read, then they are the LogEvent’s, and it may be of its own hour only', () => {
    const text = line(envelope(signIn, { source: SOURCE }));
    expect(soleStringField(text, 'published')).toBe('2026-11-02T09:05:00.123Z');
    expect(mayBeOfHour(text, '2026-11-02T09')).toBe(true);
    expect(mayBeOfHour(text, '2026-11-02T10')).toBe(false);
    expect(soleStringField(text, 'eventType')).toBe('user.session.start');
  });

  it.each([
    ['the field twice (a nested one before the real one)', line({ actor: { published: '2026-11-02T10:00:00Z' }, ...signIn })],
    ['the field name spelled with a \\u escape, and a nested plain one', line({ debugContext: { debugData: { published: '2026-11-02T10:00:00Z' } } }).slice(0, -1) + ',"publ\\u0069shed":"2026-11-02T09:05:00Z","uuid":"u1","eventType":"user.session.start"}'],
    ['a value with an escape', line({ ...signIn, published: '2026-11-02T10:00:00Z' }).replace('T10', '\\u0054' + '10')],
    ['an offset instead of Z', line({ ...signIn, published: '2026-11-02T10:05:00+01:00' })],
    ['hour 24', line({ ...signIn, published: '2026-11-02T24:00:00Z' })],
    ['no seconds', line({ ...signIn, published: '2026-11-02T10:05Z' })],
    ['spaces around the colon', line({ ...signIn }).replace('"published":', '"published" : ')],
  ])('given a record with %s, when asked whether it may be of an hour, then it is never skipped wrongly', (_what, text) => {
    const event = judged(text);
    for (const hour of ['2026-11-02T09', '2026-11-02T10', '2026-11-03T00']) if (event?.hour === hour) expect(mayBeOfHour(text, hour)).toBe(true);
  });

  it('given a LogEvent published at 10:05+01:00 (09:05 UTC), when asked about 09, then it may be (its text names hour 10)', () => {
    const text = line({ ...signIn, published: '2026-11-02T10:05:00+01:00' });
    expect(judged(text)?.hour).toBe('2026-11-02T09');
    expect(mayBeOfHour(text, '2026-11-02T09')).toBe(true);
  });

  it('given the hostile corpus mixed with an attack’s events, when an hour’s reader skips what the raw fields rule out, then it keeps every event of the hour', () => {
    const lines = [...hostileCorpus().map((c) => c.line), ...attack().map((e) => line(envelope(e, { source: SOURCE })))];
    const events = lines.map((text) => ({ text, event: judged(text) })).filter((l) => l.event !== undefined);
    expect(events.length).toBeGreaterThanOrEqual(attack().length);
    for (const { text, event } of events) {
      expect(mayBeOfHour(text, event!.hour)).toBe(true);
    }
    for (const text of lines) expect(typeof mayBeOfHour(text, '2026-11-02T09')).toBe('boolean');
  });

  it('given arbitrary JSON with published and eventType keys anywhere, when a line is skipped, then the intake would not have taken it for that hour', () => {
    const when = fc.constantFrom('2026-11-02T09:05:00Z', '2026-11-02T10:59:59.999Z', '2026-11-02T10:00:00+01:00', '2026-11-02T09:00:00.5-00:30', 'not a time');
    const type = fc.constantFrom('user.session.start', 'user.mfa.factor.deactivate', 'a\\"b');
    const noise = fc.dictionary(fc.constantFrom('published', 'eventType', 'x', 'publ\\u0069shed'), fc.oneof(when, type, fc.object()), { maxKeys: 3 });
    fc.assert(
      fc.property(when, type, noise, noise, (published, eventType, inner, outer) => {
        const event = { ...outer, ...signIn, actor: { ...signIn.actor, ...inner }, published, eventType };
        const text = line(envelope(event as typeof signIn, { source: SOURCE }));
        const judgedAs = judged(text);
        if (!judgedAs) return;
        expect(mayBeOfHour(text, judgedAs.hour)).toBe(true);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});

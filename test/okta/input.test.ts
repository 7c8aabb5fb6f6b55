import { intake, intakeText, MAX_DEPTH, MAX_EVENT_BYTES, type IntakeRules } from '../../src/okta/input';
import { envelope, logEvent, PLACES, userActor, person } from '../../src/okta/fixtures';
import { parseIsoTime } from '../../src/time';

const SOURCE = 'aws.partner/okta.com/acme/vigil-acme';
const rules: IntakeRules = { source: SOURCE, retentionDays: 30 };
const good = logEvent({ eventType: 'user.session.start', at: '2026-11-02T09:05:00Z', actor: userActor(person('jane@acme.example')), place: PLACES.london, outcome: 'SUCCESS' });
const wrapped = (e: unknown, patch: Record<string, unknown> = {}) => ({ ...envelope(good, { source: SOURCE }), detail: e, ...patch });
const reasonOf = (value: unknown) => {
  const v = intake(value, rules);
  return v.kind === 'event' ? 'accepted' : `${v.kind}: ${v.reason}`;
};

describe('event intake', () => {
  it('given a LogEvent of the tenant in its envelope, when taken in, then it is an event', () => {
    expect(intake(wrapped(good), rules)).toMatchObject({ kind: 'event', event: { uuid: good.uuid }, source: SOURCE });
  });

  it.each([
    ['an object', {}],
    ['an array', ['a']],
    ['a number', 42],
    ['an object with its own toString', { toString: 'boom' }],
    ['an object whose toString is an object', { toString: { valueOf: 1 } }],
  ])('given a uuid that is %s, when taken in, then it is malformed because uuid must be a string (never "[object Object]")', (_what, uuid) => {
    expect(reasonOf(wrapped({ ...good, uuid }))).toMatch(/^malformed: LogEvent: uuid must be a string, not an? (object|array|number)$/);
  });

  it.each([
    ['eventType', {}, /eventType must be a string, not an object/],
    ['eventType', ['user.session.start'], /eventType must be a string, not an array/],
    ['eventType', 7, /eventType must be a string, not a number/],
    ['published', {}, /published must be an ISO-8601 timestamp string, not an object/],
    ['published', 1_793_610_300_000, /published must be an ISO-8601 timestamp string, not a number/],
    ['published', ['2026-11-02T09:05:00Z'], /published must be an ISO-8601 timestamp string, not an array/],
  ])('given %s of the wrong type (%p), when taken in, then it is malformed naming the field', (field, value, reason) => {
    expect(reasonOf(wrapped({ ...good, [field]: value }, { time: good.published }))).toMatch(reason);
  });

  it('given objects with their own toString anywhere a string is read, when taken in, then nothing throws and the event is read without them', () => {
    const evil = { toString: 'x', valueOf: 'y' };
    const e = { ...good, actor: { ...good.actor, id: evil, alternateId: evil }, client: { ...good.client, ipAddress: evil, zone: evil }, outcome: { result: evil, reason: evil } };
    const v = intake(wrapped(e), rules);
    expect(v).toMatchObject({ kind: 'event', event: { ip: undefined, outcome: undefined, actor: undefined } });
  });

  it.each(['1', 'Nov 2', '2026-11-02', '2026-11-02T09:05:00', '2026-11-02 09:05:00Z', '2026-02-30T09:05:00Z', '2026-11-02T25:05:00Z', 'not a time', ''])(
    'given published %p, which is not an ISO-8601 timestamp with a zone, when taken in as a bare LogEvent, then it is malformed',
    (published) => {
      expect(reasonOf({ ...good, published })).toMatch(/^malformed: LogEvent .*(published must be an ISO-8601 timestamp with its zone|has no published)/);
    },
  );

  it.each(['2026-11-02T09:05:00Z', '2026-11-02T09:05:00.123Z', '2026-11-02T10:05:00+01:00', '2026-11-02T04:05:00-0500', '2026-11-02T09:05Z'])('given published %p, when taken in, then it is read as that instant', (published) => {
    const v = intake({ ...good, published }, rules);
    expect(v.kind === 'event' && v.event.time).toBe(parseIsoTime(published));
  });

  it('given an envelope time that is not a zoned timestamp, when taken in, then it is malformed', () => {
    expect(reasonOf(wrapped(good, { time: 'Nov 2' }))).toMatch(/^malformed: envelope time "Nov 2" is not an ISO-8601 timestamp with its zone/);
  });

  it('given an event published more than the retention before its delivery, or more than an hour after it, when taken in, then it is set aside with the bound it broke', () => {
    expect(reasonOf(wrapped({ ...good, published: '2026-09-01T09:05:00Z' }, { time: '2026-11-02T09:05:00Z' }))).toMatch(/more than the tenant's retention \(30 days\) before its delivery/);
    expect(reasonOf(wrapped({ ...good, published: '2001-01-01T00:00:00Z' }, { time: '2026-11-02T09:05:00Z' }))).toMatch(/retention/);
    expect(reasonOf(wrapped({ ...good, published: '2026-11-02T11:00:00Z' }, { time: '2026-11-02T09:05:00Z' }))).toMatch(/after its delivery .* clock skew/);
    expect(reasonOf(wrapped({ ...good, published: '2026-10-04T09:05:00Z' }, { time: '2026-11-02T09:05:00Z' }))).toBe('accepted');
  });

  it('given an envelope from another Okta org, when taken in with the tenant source, then it is foreign, naming both sources', () => {
    const other = { ...envelope(good, { source: 'aws.partner/okta.com/globex/vigil-acme' }) };
    expect(intake(other, rules)).toMatchObject({ kind: 'foreign', reason: expect.stringContaining(`"aws.partner/okta.com/globex/vigil-acme" is another Okta org or log stream than the tenant's ${SOURCE}`) });
    expect(intake(other).kind).toBe('event'); // without a tenant, any Okta source
  });

  it('given a record nested deeper than any LogEvent, when taken in, then it is malformed, and as deep as a real one it is not', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_DEPTH; i++) deep = { d: deep };
    expect(reasonOf(wrapped({ ...good, debugContext: { debugData: { deep } } }))).toMatch(/^malformed: nested deeper than 32 levels/);
    expect(reasonOf(wrapped({ ...good, debugContext: { debugData: { a: { b: { c: 1 } } } } }))).toBe('accepted');
  });

  it('given a record 40,000 levels deep as text (under 256 KB), when taken in, then it is malformed without a stack overflow', () => {
    expect(intakeText('{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000), rules)).toEqual({ kind: 'malformed', reason: expect.stringMatching(/nested deeper than 32 levels/) });
  });

  it('given a record over 256 KB, when taken in as text, then it is malformed for the EventBridge limit', () => {
    const text = JSON.stringify(wrapped({ ...good, displayMessage: 'x'.repeat(MAX_EVENT_BYTES) }));
    expect(intakeText(text, rules)).toEqual({ kind: 'malformed', reason: expect.stringMatching(/over EventBridge's 256 KB limit for one event/) });
  });

  it.each([
    ['a 3,000-character uuid', { uuid: 'u'.repeat(3000) }, /uuid is 3000 bytes, over the 128 a key may take/],
    ['a 300-byte event type', { eventType: 'e'.repeat(300) }, /eventType is 300 bytes/],
    ['a 2,000-character actor id', { actor: { id: 'a'.repeat(2000), type: 'User' } }, /actor or target id is 2000 bytes/],
    ['a 1,000-character login of a target', { target: [{ id: 'x', type: 'User', alternateId: 'é'.repeat(500) }] }, /actor or target login is 1000 bytes/],
    ['a 100-character IP', { client: { ipAddress: '1'.repeat(100) } }, /client.ipAddress is 100 bytes/],
  ])('given %s, when taken in, then it is malformed: it could not be a key in the store', (_what, patch, reason) => {
    expect(reasonOf(wrapped({ ...good, ...patch }))).toMatch(reason);
  });
});

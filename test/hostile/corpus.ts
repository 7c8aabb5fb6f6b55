/**
 * A corpus of hostile input records (issue 9, "Input that must not get in"): hand-written cases for every rule of
 * event intake, and cases generated with fast-check (a fixed seed, so the corpus is the same on every run). Each is one
 * NDJSON line with the verdict it must get and the reason it must give.
 */
import fc from 'fast-check';
import { envelope, logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { parseIsoTime } from '../../src/time';

export const TENANT = 'acme';
export const SOURCE = 'aws.partner/okta.com/acme/vigil-acme';
/** The hour every good event and every hostile record (where it says) falls in. */
export const HOUR_START = '2026-11-02T09:00:00Z';

export interface HostileCase {
  readonly name: string;
  readonly line: string;
  /** The verdict: set aside as malformed, not Okta, another org's, or out of the input's range of time (the CLI only). */
  readonly kind: 'malformed' | 'not-okta' | 'foreign' | 'out-of-range';
  readonly reason: RegExp;
  /**
   * Whether EventBridge could carry it to the tenant's pipeline: a JSON envelope under 256 KB. The ingest path is fed
   * these (as events on the bus); the rest exist only in files.
   */
  readonly onTheBus: boolean;
}

const victim = person('pat@acme.example');

/** The good events the corpus is mixed with: a push-fatigue attack on one user (okta-mfa-push-fatigue). */
export function attack(): OktaLogEvent[] {
  return [0, 1, 2, 3].map((n) => logEvent({ eventType: 'user.mfa.okta_verify.deny_push', at: minutes(HOUR_START, 5 + n), actor: userActor(victim), place: PLACES.moscow, outcome: 'FAILURE' }));
}

let seq = 0;
/** A sound sign-in of someone else, as the base of one hostile record (its own uuid, so no two collapse as duplicates). */
function base(): OktaLogEvent {
  seq++;
  return logEvent({ eventType: 'user.session.start', at: minutes(HOUR_START, 30 + (seq % 20)), actor: userActor(person(`user${seq}@acme.example`)), place: PLACES.london, outcome: 'SUCCESS', uuid: `hostile-${String(seq).padStart(4, '0')}` });
}

/** An envelope of the tenant around a base event with its detail patched (a patch value of undefined removes the field). */
function wrapped(detail: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  const e = base();
  const d: Record<string, unknown> = { ...e, ...detail };
  for (const [k, v] of Object.entries(detail)) if (v === undefined) delete d[k];
  const env: Record<string, unknown> = { ...envelope(e, { source: SOURCE }), detail: d, ...top };
  for (const [k, v] of Object.entries(top)) if (v === undefined) delete env[k];
  return env;
}

function nested(depth: number, leaf: unknown = 1, key = 'd'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = key === '[]' ? [v] : { [key]: v };
  return v;
}

const line = (v: unknown) => JSON.stringify(v);
const env = (name: string, kind: HostileCase['kind'], reason: RegExp, detail: Record<string, unknown> = {}, top: Record<string, unknown> = {}): HostileCase => ({
  name,
  line: line(wrapped(detail, top)),
  kind,
  reason,
  onTheBus: kind !== 'out-of-range',
});
const text = (name: string, l: string, kind: HostileCase['kind'], reason: RegExp): HostileCase => ({ name, line: l, kind, reason, onTheBus: false });

const WRONG_TYPE = /must be (a string|an ISO-8601 timestamp string), not an? (object|array|number|boolean)/;

function handWritten(): HostileCase[] {
  const at = (iso: string) => ({ published: iso });
  return [
    // Fields of the wrong type: never "[object Object]", never a call to the record's own toString.
    env('uuid as an object', 'malformed', WRONG_TYPE, { uuid: {} }),
    env('uuid as an array', 'malformed', WRONG_TYPE, { uuid: ['a', 'b'] }),
    env('uuid as a number', 'malformed', WRONG_TYPE, { uuid: 12345 }),
    env('uuid as a boolean', 'malformed', WRONG_TYPE, { uuid: true }),
    env('uuid as an object with its own toString', 'malformed', WRONG_TYPE, { uuid: { toString: 'pwned' } }),
    env('uuid as an object with toString and valueOf objects', 'malformed', WRONG_TYPE, { uuid: { toString: {}, valueOf: {} } }),
    env('uuid null', 'malformed', /has no uuid/, { uuid: null }),
    env('uuid empty', 'malformed', /has no uuid/, { uuid: '' }),
    env('uuid blank', 'malformed', /has no uuid/, { uuid: '   ' }),
    env('uuid "null"', 'malformed', /has no uuid/, { uuid: 'null' }),
    env('uuid missing, a __proto__ key holding one', 'malformed', /has no uuid/, { uuid: undefined, ['__proto__']: { uuid: 'from-the-prototype' } }),
    env('eventType as an object', 'malformed', WRONG_TYPE, { eventType: { toString: 'user.session.start' } }),
    env('eventType as an array', 'malformed', WRONG_TYPE, { eventType: ['user.mfa.okta_verify.deny_push'] }),
    env('eventType as a number', 'malformed', WRONG_TYPE, { eventType: 7 }),
    env('eventType missing', 'malformed', /has no eventType/, { eventType: undefined, constructor: 'x' }),
    env('published as an object', 'malformed', WRONG_TYPE, { published: {} }),
    env('published as a number', 'malformed', WRONG_TYPE, { published: 1_793_610_300_000 }),
    env('published as an array', 'malformed', WRONG_TYPE, { published: ['2026-11-02T09:30:00Z'] }),
    env('published as an object with toString', 'malformed', WRONG_TYPE, { published: { toString: '2026-11-02T09:30:00Z' } }),
    // published that is not an ISO-8601 timestamp with its zone.
    ...['1', 'Nov 2', '2026-11-02', '2026-11-02T09:30:00', '2026-11-02 09:30:00Z', '2026-02-30T09:30:00Z', '2026-11-02T24:30:00Z', '+275760-09-13T00:00:00.001Z', 'yesterday', ''].map((p) =>
      env(`published ${JSON.stringify(p)}`, 'malformed', /(published must be an ISO-8601 timestamp with its zone|has no published|envelope time)/, at(p), { time: undefined }),
    ),
    env('published missing', 'malformed', /published must be an ISO-8601 timestamp string, not undefined|has no published/, { published: undefined }),
    // The envelope's delivery time.
    env('envelope time "Nov 2"', 'malformed', /envelope time "Nov 2" is not an ISO-8601 timestamp with its zone/, {}, { time: 'Nov 2' }),
    env('envelope time as an object', 'malformed', /envelope time an object is not/, {}, { time: {} }),
    env('published 40 days before its delivery', 'malformed', /more than the tenant's retention \(30 days\) before its delivery/, at('2026-09-23T09:30:00Z'), { time: '2026-11-02T09:30:00Z' }),
    env('published in 2001, delivered today', 'malformed', /retention/, at('2001-01-01T00:00:00Z'), { time: '2026-11-02T09:30:00Z' }),
    env('published three hours after its delivery', 'malformed', /after its delivery .* clock skew/, at('2026-11-02T12:30:00Z'), { time: '2026-11-02T09:30:00Z' }),
    // Times far from the rest of the input, published and delivered together (only the reader's clock can tell).
    env('published and delivered in 1999', 'out-of-range', /more than the tenant's retention \(30 days\) from the rest of the input/, at('1999-12-31T23:00:00Z'), { time: '1999-12-31T23:00:01Z' }),
    env('published and delivered in 2999', 'out-of-range', /from the rest of the input/, at('2999-01-01T00:00:00Z'), { time: '2999-01-01T00:00:01Z' }),
    env('published and delivered two months later', 'out-of-range', /from the rest of the input/, at('2027-01-02T09:00:00Z'), { time: '2027-01-02T09:00:01Z' }),
    // Sources: another org, another stream, not Okta.
    env('another Okta org', 'foreign', /another Okta org or log stream than the tenant's aws.partner\/okta.com\/acme\/vigil-acme/, {}, { source: 'aws.partner/okta.com/globex-corp/okta-system-log' }),
    env("another log stream of the tenant's org", 'foreign', /another Okta org/, {}, { source: 'aws.partner/okta.com/acme/other-stream' }),
    env('the bare Okta prefix', 'foreign', /another Okta org/, {}, { source: 'aws.partner/okta.com/' }),
    env("the tenant's source with a suffix", 'foreign', /another Okta org/, {}, { source: `${SOURCE}-evil` }),
    env('source as an object', 'not-okta', /source an object is not an Okta partner source/, {}, { source: { toString: SOURCE } }),
    env('source of another service', 'not-okta', /source "aws.ec2" is not an Okta partner source/, {}, { source: 'aws.ec2' }),
    env('another detail-type', 'not-okta', /detail-type "AuditLog" is not SystemLog/, {}, { 'detail-type': 'AuditLog' }),
    env('detail-type as an array', 'not-okta', /detail-type an array is not SystemLog/, {}, { 'detail-type': ['SystemLog'] }),
    env('replay-name as an object', 'malformed', /replay-name must be a string/, {}, { 'replay-name': { toString: 'x' } }),
    text('detail null', line({ ...envelope(base(), { source: SOURCE }), detail: null }), 'malformed', /LogEvent is not an object/),
    text('detail an array', line({ ...envelope(base(), { source: SOURCE }), detail: [base()] }), 'malformed', /LogEvent is not an object/),
    text('detail a string', line({ ...envelope(base(), { source: SOURCE }), detail: JSON.stringify(base()) }), 'malformed', /LogEvent is not an object/),
    // Nesting, size and keys.
    env('debugData 40 levels deep', 'malformed', /nested deeper than 32 levels/, { debugContext: { debugData: { x: nested(40) } } }),
    env('targets nested 100 arrays deep', 'malformed', /nested deeper than 32 levels/, { target: nested(100, 'x', '[]') }),
    text('a displayMessage of 300 KB', line(wrapped({ displayMessage: 'x'.repeat(300_000) })), 'malformed', /over EventBridge's 256 KB limit/),
    text('a 1 MB line of one string', JSON.stringify('A'.repeat(1_000_000)), 'malformed', /over EventBridge's 256 KB limit/),
    env('a 3,000-character uuid', 'malformed', /uuid is 3000 bytes, over the 128 a key may take/, { uuid: 'u'.repeat(3000) }),
    env('a 300-character event type', 'malformed', /eventType is 300 bytes/, { eventType: `user.session.start${'x'.repeat(282)}` }),
    env('a 2,000-character actor id', 'malformed', /actor or target id is 2000 bytes/, { actor: { id: 'a'.repeat(2000), type: 'User', alternateId: 'x@acme.example' } }),
    env('a target login of 500 two-byte characters', 'malformed', /actor or target login is 1000 bytes/, { target: [{ id: '00uX', type: 'User', alternateId: 'é'.repeat(500) }] }),
    env('an IP of 100 characters', 'malformed', /client.ipAddress is 100 bytes/, { client: { ipAddress: '1'.repeat(100) } }),
    env('a session id of 1,000 characters', 'malformed', /the session id is 1000 bytes/, { authenticationContext: { externalSessionId: 's'.repeat(1000) } }),
    // Lines that are not records.
    text('truncated JSON', '{"detail-type":"SystemLog","source":"aws.partner/okta.com/acme/vigil-acme","detail":', 'malformed', /invalid JSON/),
    text('a JSON array', '[1,2,3]', 'malformed', /not a JSON object/),
    text('a JSON number', '42', 'malformed', /not a JSON object/),
    text('a JSON string', '"SystemLog"', 'malformed', /not a JSON object/),
    text('JSON null', 'null', 'malformed', /not a JSON object/),
    text('an empty object', '{}', 'not-okta', /neither an EventBridge envelope nor an Okta LogEvent/),
    text('a NUL byte', `{"uuid":"a\u0000b"}`, 'malformed', /binary data/),
    text('bytes that are not UTF-8', `\uFFFD\uFFFD{"eventType":1}`, 'malformed', /binary data/),
    text('a bare LogEvent published "Nov 2"', line({ ...base(), published: 'Nov 2' }), 'malformed', /published must be an ISO-8601 timestamp with its zone/),
    text('a bare LogEvent with an object uuid', line({ ...base(), uuid: { toString: 'x' } }), 'malformed', WRONG_TYPE),
  ];
}

/** Generated cases: each a property of intake, sampled with a fixed seed. */
function generated(): HostileCase[] {
  const seed = 20261102;
  const nonString = fc.oneof(fc.object(), fc.array(fc.anything(), { minLength: 1 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean());
  const cases: HostileCase[] = [];
  for (const field of ['uuid', 'eventType', 'published'] as const) {
    for (const value of fc.sample(nonString, { numRuns: 15, seed: seed + field.length })) cases.push(env(`generated: ${field} ${JSON.stringify(value).slice(0, 40)}`, 'malformed', WRONG_TYPE, { [field]: value }));
  }
  const notATime = fc.string({ maxLength: 30 }).filter((s) => s.trim() !== '' && parseIsoTime(s.trim()) === undefined);
  for (const p of fc.sample(notATime, { numRuns: 15, seed })) {
    cases.push(env(`generated: published ${JSON.stringify(p)}`, 'malformed', /published must be an ISO-8601 timestamp with its zone/, { published: p }, { time: undefined }));
  }
  const org = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).filter((o) => o !== 'acme');
  for (const o of fc.sample(org, { numRuns: 10, seed })) cases.push(env(`generated: org ${o}`, 'foreign', /another Okta org/, {}, { source: `aws.partner/okta.com/${o}/vigil-acme` }));
  const deep = fc.record({ depth: fc.integer({ min: 33, max: 300 }), key: fc.constantFrom('a', '[]', 'debugData') });
  for (const { depth, key } of fc.sample(deep, { numRuns: 10, seed })) {
    cases.push(env(`generated: debugData ${depth} deep by ${key}`, 'malformed', /nested deeper than 32 levels/, { debugContext: { debugData: { x: nested(depth, 'y', key) } } }));
  }
  const junk = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.array(fc.anything()), fc.string().map((s) => s.replace(/[\u0000\uFFFD]/g, '')));
  for (const value of fc.sample(junk, { numRuns: 10, seed })) cases.push(text(`generated: a JSON ${typeof value} line`, JSON.stringify(value), 'malformed', /not a JSON object/));
  return cases;
}

/** The whole corpus, built afresh (and the same) on every call. */
export function hostileCorpus(): HostileCase[] {
  seq = 0;
  return [...handWritten(), ...generated()];
}

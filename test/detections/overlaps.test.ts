/**
 * One behaviour, one finding: the whole catalog over the fixtures and over the events where two detections
 * used to report the same thing.
 */
import { normalize } from '../../src/okta/event';
import { logEvent, minutes, person, PLACES } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { resolveCatalog } from '../../src/detections/catalog';
import { failedSignIn, SCRIPT_UA, signIn, unknownUserSignIn } from '../../src/detections/fixture-builders/sign-in';
import { adminReset, impersonation, SUPPORT_ENGINEER, SUPPORT_SESSION, supportToolReset, VICTIM } from '../../src/detections/fixture-builders/support';
import { detectAll } from '../../src/detections/reorder';
import { findFixtureTables } from './fixture-tables';

const T0 = '2026-11-09T11:00:00Z';
const whole = (events: OktaLogEvent[]) => detectAll(resolveCatalog(), events.map((e) => normalize(e)));

/**
 * Pairs of detections that may both report events they share, and why that is not a duplicate. Any other pair
 * sharing an event in a fixture fails the test below: decide which detection owns the behaviour, or add the pair here.
 */
const LAYERED: Readonly<Record<string, string>> = {
  'okta-scripted-user-agent + okta-sign-in-after-credential-attack': 'what signed in (a script) and what came before (an attack) are different facts about one sign-in',
  'okta-anonymizer-sign-in + okta-sign-in-after-credential-attack': 'where it came from (an anonymizer) and what came before (an attack)',
  'okta-anonymizer-sign-in + okta-password-spray-distributed': "per-user low record (the user's password tried through a proxy) under the org-level spray alert",
  'okta-account-locked + okta-mass-account-lockouts': 'per-user low record (each user\'s lockout) under the org-level alert',
  'okta-support-credential-reset + okta-support-impersonation': 'the reset finding cites the session start as evidence; each is triggered by its own event',
  'okta-concurrent-sessions + okta-impossible-travel': 'many sessions at once, and two of them too far apart: different evidence of sharing',
};

describe('one behaviour, one finding', () => {
  it.each(['user.mfa.attempt_bypass', 'system.mfa.factor.deactivate', 'user.mfa.factor.reset_all', 'user.mfa.factor.deactivate', 'user.account.reset_password', 'user.mfa.factor.update'])(
    'given %s from Okta Support tooling, when the whole catalog runs, then exactly one finding',
    (eventType) => {
      const found = whole([supportToolReset(eventType, T0, VICTIM)]).map((f) => f.detectionId);
      const owner: Record<string, string> = {
        'user.mfa.attempt_bypass': 'okta-mfa-bypass-attempt',
        'system.mfa.factor.deactivate': 'okta-mfa-factor-disabled-org-wide',
      };
      expect(found).toEqual([owner[eventType] ?? 'okta-support-credential-reset']);
    },
  );

  it('given an MFA bypass and an org-wide factor deactivation by Okta, when reported, then the owning rules say it was Okta', () => {
    const [bypass] = whole([supportToolReset('user.mfa.attempt_bypass', T0, VICTIM)]);
    expect(bypass.context).toMatchObject({ oktaSupport: true });
    const [factor] = whole([{ ...supportToolReset('system.mfa.factor.deactivate', T0, VICTIM), target: [{ id: 'fct1', type: 'Factor', alternateId: 'unknown', displayName: 'Okta Verify' }] }]);
    expect(factor.context).toMatchObject({ oktaSupport: true });
    expect(factor.summary).toMatch(/^Okta \(system@okta.com\) deactivated Okta Verify/);
  });

  it('given an admin (not Okta Support) resets factors and the user comes back from a country never seen, when the whole catalog runs, then okta-mfa-factor-reset-by-other alone reports it', () => {
    const known = signIn(VICTIM, minutes(T0, -60), { place: PLACES.sanFrancisco });
    // 20 hours later: too slow for impossible travel from San Francisco.
    const back = signIn(VICTIM, minutes(T0, 20 * 60), { place: PLACES.lagos, sessionId: 'idxBack0000000000001' });
    expect(whole([known, adminReset('user.mfa.factor.reset_all', T0, VICTIM), back]).map((f) => f.detectionId)).toEqual(['okta-mfa-factor-reset-by-other']);
  });

  it('given Okta Support resets MFA inside an impersonation session and the user comes back from a country never seen, when the whole catalog runs, then one finding for the reset (it subsumes the reset-by-other one)', () => {
    const known = signIn(VICTIM, minutes(T0, -60), { place: PLACES.sanFrancisco });
    const reset = adminReset('user.mfa.factor.reset_all', minutes(T0, 25), VICTIM, { actor: SUPPORT_ENGINEER, sessionId: SUPPORT_SESSION });
    const back = signIn(VICTIM, minutes(T0, 20 * 60), { place: PLACES.lagos, sessionId: 'idxBack0000000000002' });
    const found = whole([known, impersonation('initiate', T0), reset, back]);
    expect(found.filter((f) => f.subject.id === VICTIM.id).map((f) => f.detectionId)).toEqual(['okta-support-credential-reset']);
  });

  it('given the same return with the support finding switched off, when the whole catalog runs, then okta-mfa-factor-reset-by-other reports it (nothing else subsumes it)', () => {
    const known = signIn(VICTIM, minutes(T0, -60), { place: PLACES.sanFrancisco });
    const reset = adminReset('user.mfa.factor.reset_all', minutes(T0, 25), VICTIM, { actor: SUPPORT_ENGINEER, sessionId: SUPPORT_SESSION });
    const back = signIn(VICTIM, minutes(T0, 20 * 60), { place: PLACES.lagos, sessionId: 'idxBack0000000000002' });
    const found = detectAll(resolveCatalog({ 'okta-support-credential-reset': { enabled: false } }), [known, impersonation('initiate', T0), reset, back].map((e) => normalize(e)));
    expect(found.filter((f) => f.subject.id === VICTIM.id).map((f) => f.detectionId)).toEqual(['okta-mfa-factor-reset-by-other']);
  });

  it('given a mixed burst from one IP (12 existing accounts, 10 unknown usernames, in 6 minutes), when the whole catalog runs, then one finding', () => {
    const staff = Array.from({ length: 12 }, (_, i) => person(`staff${i}@example.com`));
    const bot = { place: PLACES.moscow, userAgent: SCRIPT_UA };
    const burst = [
      ...staff.map((p, i) => failedSignIn(p, minutes(T0, i * 0.5), 'INVALID_CREDENTIALS', bot)),
      ...Array.from({ length: 10 }, (_, i) => unknownUserSignIn(`leaked${i}@example.com`, minutes(T0, i * 0.5 + 0.25), bot)),
    ];
    expect(whole(burst).map((f) => f.detectionId)).toEqual(['okta-password-spray-ip']);
  });

  it('given a burst carried by unknown usernames (5 existing, 20 unknown), when the whole catalog runs, then okta-credential-stuffing alone reports it', () => {
    const bot = { place: PLACES.moscow, userAgent: SCRIPT_UA };
    const burst = [
      ...Array.from({ length: 5 }, (_, i) => failedSignIn(person(`staff${i}@example.com`), minutes(T0, i), 'INVALID_CREDENTIALS', bot)),
      ...Array.from({ length: 20 }, (_, i) => unknownUserSignIn(`leaked${i}@example.com`, minutes(T0, i * 0.4), bot)),
    ];
    expect(whole(burst).map((f) => f.detectionId)).toEqual(['okta-credential-stuffing']);
  });

  it('given every fixture, when the whole catalog runs, then two detections share an event only when declared layered', () => {
    const seen = new Set<string>();
    for (const { table } of findFixtureTables()) {
      for (const f of [...table.positive, ...table.negative]) {
        const found = detectAll(resolveCatalog(), f.events.map((e) => normalize(e)));
        for (const a of found) {
          for (const b of found) {
            if (a.detectionId >= b.detectionId || !a.eventUuids.some((u) => b.eventUuids.includes(u))) continue;
            const pair = `${a.detectionId} + ${b.detectionId}`;
            seen.add(pair);
            expect({ pair, fixture: `${table.detection.id}: ${f.name}`, declared: pair in LAYERED }).toEqual({ pair, fixture: `${table.detection.id}: ${f.name}`, declared: true });
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('given a plain sign-in and an SSO, when the whole catalog runs, then nothing fires (sanity)', () => {
    const u = person('plain.user@example.com');
    const actor = { id: u.id, type: 'User', alternateId: u.login, displayName: u.name };
    expect(whole([logEvent({ eventType: 'user.session.start', at: T0, actor, outcome: 'SUCCESS', sessionId: '102plain' }), logEvent({ eventType: 'user.authentication.sso', at: minutes(T0, 1), actor, sessionId: '102plain' })])).toEqual([]);
  });
});

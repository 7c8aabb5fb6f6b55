/**
 * Helpers shared by the `configuration` and `privilege` rules (admin-console changes). Everything here
 * reads a normalized {@link OktaEvent} and never throws on Okta's quirks (null targets, empty clients,
 * stringly-typed debug data, `changeDetails` that may be objects or JSON strings).
 *
 * Candidates for `src/detections/kit.ts` once the shared files are open for edits.
 */
import type { OktaEvent, Party } from '../../../okta/event';
import { label, present } from '../../../okta/event';

/** An admin change that went through: SUCCESS, or no outcome at all (some config events carry none). */
export function succeeded(e: OktaEvent): boolean {
  return e.outcome === undefined || e.outcome === 'SUCCESS' || e.outcome === 'ALLOW';
}

/** Lower-case and drop everything but letters and digits, so `NETWORK_ZONE`, `NetworkZone` and `network zone` compare equal. */
export function squash(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The first target whose type is one of `types` (compared with {@link squash}), else, when `fallback`
 * is set, the first target that is not a `User` (Okta's config events put the changed object first).
 */
export function targetOfType(e: OktaEvent, types: readonly string[], fallback = true): Party | undefined {
  const wanted = new Set(types.map(squash));
  const typed = e.targets.find((t) => wanted.has(squash(t.type)));
  if (typed || !fallback) return typed;
  return e.targets.find((t) => squash(t.type) !== 'user');
}

/** Whether the actor is on a tenant's allow-list (matched on id, login or display name, case-insensitively). */
export function actorAllowed(e: OktaEvent, allowed: readonly string[]): boolean {
  if (!e.actor || allowed.length === 0) return false;
  const names = [e.actor.id, e.actor.alternateId, e.actor.displayName].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  return allowed.some((a) => names.includes(a.trim().toLowerCase()));
}

/** A case-insensitive regular expression from a tenant parameter; an invalid or empty pattern matches nothing. */
export function safeRegex(pattern: string): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
}

/** Whether `value` matches any of the names (case-insensitive, exact). */
export function inList(value: string | undefined, list: readonly string[]): boolean {
  if (!value) return false;
  const v = value.toLowerCase();
  return list.some((x) => x.trim().toLowerCase() === v);
}

/** Session id, without Okta's placeholder "unknown" (API-token calls and system actions carry it). */
export function realSessionId(e: OktaEvent): string | undefined {
  const s = e.sessionId;
  return s && s.toLowerCase() !== 'unknown' ? s : undefined;
}

/**
 * A label for a configuration object (policy, rule, zone, IdP, token, app...): its display name first, because
 * Okta sets `alternateId` to the literal "unknown" (or to a parent id) on most non-user targets; `label()`
 * from okta/event, which prefers the login, stays right for users.
 */
export function objectName(p: Party | undefined): string {
  if (!p) return 'unknown';
  const alt = p.alternateId && p.alternateId.toLowerCase() !== 'unknown' ? p.alternateId : undefined;
  return p.displayName ?? alt ?? p.id;
}

/** Who did it, for summaries and context. */
export function actorLabel(e: OktaEvent): string {
  return label(e.actor);
}

/** Context fields every admin-change finding carries. */
export function actorContext(e: OktaEvent): Record<string, unknown> {
  return {
    actor: e.actor ? label(e.actor) : undefined,
    actorId: e.actor?.id,
    actorType: e.actor?.type,
    ip: e.ip,
    country: e.country,
    userAgent: e.userAgent,
  };
}

// ---------------------------------------------------------------------------------------------------------
// changeDetails: Okta puts before/after values of an update on the changed target:
// target[i].changeDetails.{from,to}, e.g. `to.policyRuleActionJson` holding a JSON *string*
// ({"appSignOn":{"access":"ALLOW","verificationMethod":{"factorMode":"1FA",...}}}).
// ---------------------------------------------------------------------------------------------------------

/** Parse JSON-looking strings (recursively, depth-limited) so nested `...Json` strings become objects. */
export function deepParse(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') {
    const s = value.trim();
    if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'))) {
      try {
        return deepParse(JSON.parse(s), depth + 1);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => deepParse(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepParse(v, depth + 1);
    return out;
  }
  return value;
}

export interface Change {
  readonly from: unknown;
  readonly to: unknown;
}

/** Every `changeDetails` on the raw targets, parsed. Empty when Okta sent none (or targets are null). */
export function changeDetails(e: OktaEvent): Change[] {
  const raw = (e.raw as { target?: unknown }).target;
  if (!Array.isArray(raw)) return [];
  const out: Change[] = [];
  for (const t of raw) {
    if (!t || typeof t !== 'object') continue;
    const cd = deepParse((t as Record<string, unknown>).changeDetails);
    if (!cd || typeof cd !== 'object' || Array.isArray(cd)) continue;
    const { from, to } = cd as Record<string, unknown>;
    if (from === undefined && to === undefined) continue;
    out.push({ from, to });
  }
  return out;
}

/** All values found under `key` anywhere in a parsed tree, as lower-case strings. */
export function valuesOf(tree: unknown, key: string, depth = 0): string[] {
  if (depth > 12 || !tree || typeof tree !== 'object') return [];
  const out: string[] = [];
  const entries = Array.isArray(tree) ? tree.map((v, i) => [String(i), v] as const) : Object.entries(tree);
  for (const [k, v] of entries) {
    if (k === key && v !== null && typeof v !== 'object') {
      const p = present(v);
      if (p) out.push(p.toLowerCase());
    }
    out.push(...valuesOf(v, key, depth + 1));
  }
  return out;
}

/**
 * Ways an update made sign-on weaker, read from before/after values:
 * - `mfa-downgraded`: factorMode 2FA before, 1FA after (Okta's "Authentication Policy MFA Downgrade");
 * - `mfa-no-longer-required`: requireFactor true before, false after (global session policy rules);
 * - `deny-to-allow`: access DENY before, ALLOW after;
 * - `deactivated`: status ACTIVE before, INACTIVE after.
 */
export function weakenings(changes: readonly Change[]): string[] {
  const found = new Set<string>();
  for (const { from, to } of changes) {
    const was = (k: string, v: string) => valuesOf(from, k).includes(v);
    const now = (k: string, v: string) => valuesOf(to, k).includes(v);
    if (was('factorMode', '2fa') && now('factorMode', '1fa') && !now('factorMode', '2fa')) found.add('mfa-downgraded');
    if (was('requireFactor', 'true') && now('requireFactor', 'false') && !now('requireFactor', 'true')) found.add('mfa-no-longer-required');
    if (was('access', 'deny') && now('access', 'allow') && !now('access', 'deny')) found.add('deny-to-allow');
    if (was('status', 'active') && now('status', 'inactive')) found.add('deactivated');
  }
  return [...found];
}

// ---------------------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------------------

/** The policy an event is about (target `PolicyEntity`) and, for rule events, the rule (target `PolicyRule`). */
export function policyTargets(e: OktaEvent): { policy?: Party; rule?: Party } {
  return { policy: targetOfType(e, ['PolicyEntity', 'Policy'], false), rule: targetOfType(e, ['PolicyRule'], false) };
}

/**
 * The policy type, from the PolicyEntity's `detailEntry.policyType` (the System Log writes `OktaSignOn`,
 * `AccessPolicy`...; the API writes `OKTA_SIGN_ON`, `ACCESS_POLICY`: both squash to the same thing).
 */
export function policyType(e: OktaEvent): string | undefined {
  const { policy, rule } = policyTargets(e);
  for (const t of [policy, rule]) {
    const v = t?.detailEntry?.policyType;
    const p = present(v);
    if (p) return p;
  }
  return present(e.debug('policyType'));
}

/** Whether a policy type is in the tenant's list (squashed comparison); unknown types are in scope when `includeUnknown`. */
export function policyTypeInScope(type: string | undefined, scope: readonly string[], includeUnknown: boolean): boolean {
  if (!type) return includeUnknown;
  const t = squash(type);
  return scope.some((s) => squash(s) === t);
}

/** Default sign-on policy types: global session (OKTA_SIGN_ON), authentication (ACCESS_POLICY), MFA enrollment. */
export const SIGN_ON_POLICY_TYPES: readonly string[] = ['OKTA_SIGN_ON', 'ACCESS_POLICY', 'MFA_ENROLL', 'Mfa'];

/**
 * Reading admin-console changes (policies, zones, IdPs, roles, tokens): did it go through, what changed, who did it.
 * Never throws on Okta's quirks (null targets, empty clients, stringly-typed debug data).
 */
import { label, type OktaEvent, type Party } from '../../okta/event';

/**
 * An action that went through: SUCCESS, ALLOW, or no outcome at all (some config events carry none).
 */
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

/** Whether `value` matches any of the names (case-insensitive, exact). */
export function inList(value: string | undefined, list: readonly string[]): boolean {
  if (!value) return false;
  const v = value.toLowerCase();
  return list.some((x) => x.trim().toLowerCase() === v);
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

/**
 * An object as a summary names it: its kind and name ("API token ci-deploy"); the name alone when it already says
 * what it is (a token named "Okta API token", an IdP named "Partner IdP" with alias "idp"), never "API token API
 * token"; "an unnamed API token" when Okta gave no name.
 */
export function named(kind: string, p: Party | undefined, aliases: readonly string[] = []): string {
  const name = p ? objectName(p) : undefined;
  if (!name || name.toLowerCase() === 'unknown') return `an unnamed ${kind}`;
  const words = squash(name);
  if ([kind, ...aliases].some((k) => words.includes(squash(k)))) return name;
  return `${kind} ${name}`;
}

/** The text with its first letter upper-case, to start a summary with. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

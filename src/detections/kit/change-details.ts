/**
 * Before/after values of an update: Okta puts them on the changed target, `target[i].changeDetails.{from,to}`,
 * e.g. `to.policyRuleActionJson` holding a JSON *string*
 * (`{"appSignOn":{"access":"ALLOW","verificationMethod":{"factorMode":"1FA",...}}}`).
 */
import { type OktaEvent, present } from '../../okta/event';

/** Parse JSON-looking strings (recursively, depth-limited) so nested `...Json` strings become objects. */
function deepParse(value: unknown, depth = 0): unknown {
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

/**
 * What the two sign-on policy rules share: which policies are in scope and how a change reads.
 * `okta-sign-on-policy-weakened` fires on the changes below that weaken sign-on; `okta-sign-on-policy-modified`
 * on the remaining updates, so one event never raises both.
 */
import { type OktaEvent, type Party, present } from '../../../okta/event';
import { actorAllowed, inList, objectName, squash, succeeded, targetOfType } from '../../kit/admin-change';
import { changeDetails, weakenings } from '../../kit/change-details';
import type { Subject } from '../../types';

export type SignOnPolicyParams = {
  /** Policy types in scope (System Log or API spelling: `OktaSignOn` / `OKTA_SIGN_ON`, `AccessPolicy` / `ACCESS_POLICY`...). */
  policyTypes: readonly string[];
  /** Whether events whose policy type cannot be read (no PolicyEntity detailEntry) are in scope. */
  includeUnknownPolicyTypes: boolean;
  /** Logins or ids of admins/automation whose policy changes are expected. */
  allowedActors: readonly string[];
  /** Policy names (exact, case-insensitive) to ignore, e.g. a sandbox policy. */
  ignorePolicyNames: readonly string[];
};

/** Default sign-on policy types: global session (OKTA_SIGN_ON), authentication (ACCESS_POLICY), MFA enrollment. */
export const SIGN_ON_POLICY_TYPES: readonly string[] = ['OKTA_SIGN_ON', 'ACCESS_POLICY', 'MFA_ENROLL', 'Mfa'];

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

/** Lifecycle events that remove a policy or a rule from enforcement, and what they mean. */
export const REMOVALS: Readonly<Record<string, string>> = {
  'policy.lifecycle.deactivate': 'policy-deactivated',
  'policy.lifecycle.delete': 'policy-deleted',
  'policy.rule.deactivate': 'rule-deactivated',
  'policy.rule.delete': 'rule-deleted',
};

export const UPDATES: readonly string[] = ['policy.rule.update', 'policy.lifecycle.update'];

/**
 * A rule added to a policy (`policy.rule.add`). A new rule placed above the others (an ALLOW without MFA for a group
 * the attacker is in) weakens sign-on without touching any existing rule; the System Log records no before/after for
 * it, so it is a change to review (okta-sign-on-policy-modified), not a proven weakening.
 */
export const ADDITIONS: readonly string[] = ['policy.rule.add'];

export interface PolicyChange {
  readonly policy?: Party;
  readonly rule?: Party;
  readonly policyType?: string;
  /** Why the change weakens sign-on; empty for an update whose effect cannot be read. */
  readonly weakenings: readonly string[];
  readonly hasChangeDetails: boolean;
}

/** Read a policy event, or undefined when it is out of scope (failed, allow-listed actor, other policy type, ignored name). */
export function readPolicyChange(e: OktaEvent, p: SignOnPolicyParams): PolicyChange | undefined {
  if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
  const { policy, rule } = policyTargets(e);
  const type = policyType(e);
  if (!policyTypeInScope(type, p.policyTypes, p.includeUnknownPolicyTypes)) return undefined;
  if (inList(policy?.displayName, p.ignorePolicyNames)) return undefined;
  const changes = changeDetails(e);
  const removal = REMOVALS[e.eventType];
  return { policy, rule, policyType: type, weakenings: removal ? [removal] : weakenings(changes), hasChangeDetails: changes.length > 0 };
}

/** The rule when the event is about one, else the policy; `policy:event:<uuid>` when Okta sent neither. */
export function policySubject(e: OktaEvent, c: PolicyChange): Subject {
  const policyName = c.policy ? objectName(c.policy) : undefined;
  if (c.rule) return { type: 'policy', id: c.rule.id, display: policyName ? `${policyName} / ${objectName(c.rule)}` : objectName(c.rule) };
  if (c.policy) return { type: 'policy', id: c.policy.id, display: policyName };
  return { type: 'policy', id: `event:${e.uuid}`, display: 'unknown policy' };
}

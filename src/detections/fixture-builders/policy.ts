/**
 * Policy and policy-rule LogEvents: a PolicyEntity target (`detailEntry.policyType`), a PolicyRule target for rule
 * events, and `changeDetails.{from,to}` on the changed target for updates.
 */
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';
import { adminEvent, changedTarget } from './admin';

export interface PolicySpec {
  readonly id?: string;
  readonly name?: string;
  /** `detailEntry.policyType`; null sends `detailEntry: null`. */
  readonly type?: string | null;
}

function policyTarget(p: PolicySpec = {}): OktaActor {
  return {
    id: p.id ?? '00p1a2b3c4GlobalSes4x7',
    type: 'PolicyEntity',
    alternateId: 'unknown',
    displayName: p.name ?? 'Default Policy',
    detailEntry: p.type === null ? null : { policyType: p.type ?? 'OktaSignOn' },
  };
}

function ruleTarget(policyId: string, name = 'Require MFA outside Corporate HQ', id = '0pr1a2b3c4MfaOutHq4x7'): OktaActor {
  return { id, type: 'PolicyRule', alternateId: policyId, displayName: name, detailEntry: null };
}

/** `policyRuleActionJson` as Okta writes it: a JSON string inside the changeDetails object. */
export function ruleAction(action: Record<string, unknown>): Record<string, unknown> {
  return { policyRuleActionJson: JSON.stringify(action) };
}

/** An authentication policy (ACCESS_POLICY) rule action. */
export function appSignOnAction(factorMode: '1FA' | '2FA', access: 'ALLOW' | 'DENY' = 'ALLOW'): Record<string, unknown> {
  return ruleAction({ appSignOn: { access, verificationMethod: { factorMode, type: 'ASSURANCE', reauthenticateIn: 'PT2H', constraints: [] } } });
}

/** A global session policy (OKTA_SIGN_ON) rule action. */
export function globalSessionAction(requireFactor: boolean, access: 'ALLOW' | 'DENY' = 'ALLOW'): Record<string, unknown> {
  return ruleAction({ signon: { access, requireFactor, factorPromptMode: requireFactor ? 'ALWAYS' : null, session: { usePersistentCookie: false, maxSessionIdleMinutes: 120 } } });
}

export interface PolicyEventSpec extends PolicySpec {
  readonly eventType: string;
  readonly at: string | number;
  readonly rule?: string;
  readonly change?: { from: Record<string, unknown>; to: Record<string, unknown> };
  readonly actor?: OktaActor;
  readonly outcome?: 'SUCCESS' | 'FAILURE' | 'DENY';
}

/** A policy or policy-rule event; rule events (`policy.rule.*`) carry a PolicyRule target after the PolicyEntity. */
export function policyEvent(s: PolicyEventSpec): OktaLogEvent {
  const policy = policyTarget(s);
  const isRule = s.eventType.startsWith('policy.rule.');
  const targets: OktaActor[] = [policy];
  if (isRule) {
    const rule = ruleTarget(policy.id!, s.rule);
    targets.push(s.change ? changedTarget(rule, s.change.from, s.change.to) : rule);
  } else if (s.change) {
    targets[0] = changedTarget(policy, s.change.from, s.change.to);
  }
  return adminEvent({
    eventType: s.eventType,
    at: s.at,
    actor: s.actor,
    outcome: s.outcome,
    target: targets,
    requestUri: isRule ? `/api/v1/policies/${policy.id}/rules/${targets[1].id}` : `/api/v1/policies/${policy.id}`,
  });
}

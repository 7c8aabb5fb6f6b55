/** Okta's own risk signals (`debugData.risk`). */
import type { OktaEvent } from '../../okta/event';

const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Rank of a risk level (LOW 1, MEDIUM 2, HIGH 3), 0 when unknown. */
export function riskRank(level: string | undefined): number {
  if (!level) return 0;
  return RISK_LEVELS.indexOf(level.trim().toUpperCase() as RiskLevel) + 1;
}

export interface Risk {
  readonly level?: RiskLevel;
  readonly previousLevel?: RiskLevel;
  readonly detectionName?: string;
  readonly reasons?: string;
  readonly issuer?: string;
  readonly raw?: string;
}

/** The debugData keys Okta (and Shared Signals providers) put a risk into. */
const RISK_KEYS = ['risk', 'Risk', 'riskLevel', 'RiskLevel', 'entityRisk'];

function field(text: string, names: string): string | undefined {
  // `{previousLevel=LOW, level=HIGH, detectionName=..., reasons=a, b, issuer=OKTA}` or JSON `{"level":"HIGH"}`.
  // The key must start after `{`, `,`, a space or a quote, so `level` never matches inside `previousLevel`.
  const re = new RegExp(`(?:^|[{,\\s"])(?:${names})"?\\s*[=:]\\s*"?([^,}"]*)`, 'i');
  const m = re.exec(text);
  const v = m?.[1]?.trim();
  return v ? v : undefined;
}

function level(v: string | undefined): RiskLevel | undefined {
  const u = v?.trim().toUpperCase();
  return u && (RISK_LEVELS as readonly string[]).includes(u) ? (u as RiskLevel) : undefined;
}

/**
 * The risk an event carries in `debugData.risk`: Okta writes it as a Java map string
 * (`{previousLevel=LOW, level=HIGH, detectionName=Okta Threat Intelligence, reasons=..., issuer=OKTA}`);
 * a bare level or JSON is read as well.
 */
export function riskOf(e: OktaEvent): Risk | undefined {
  for (const key of RISK_KEYS) {
    const raw = e.debug(key);
    if (!raw) continue;
    const bare = level(raw);
    if (bare) return { level: bare, raw };
    const reasons = /(?:^|[{,\s"])reasons"?\s*[=:]\s*"?(.*?)(?:"?\s*,\s*"?(?:issuer|level|previousLevel|detectionName)"?\s*[=:]|"?\s*}\s*$|$)/i.exec(raw)?.[1]?.trim();
    return {
      level: level(field(raw, 'level|current_level|currentLevel|riskLevel')),
      previousLevel: level(field(raw, 'previousLevel|previous_level')),
      detectionName: field(raw, 'detectionName|detection_name'),
      reasons: reasons || undefined,
      issuer: field(raw, 'issuer'),
      raw,
    };
  }
  return undefined;
}

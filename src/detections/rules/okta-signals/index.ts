import identityRiskHigh from './identity-risk-high';
import oauthRefreshTokenReuse from './oauth-refresh-token-reuse';
import rateLimitViolation from './rate-limit-violation';
import threatInsightThreatDetected from './threatinsight-threat-detected';
import userReportedSuspiciousActivity from './user-reported-suspicious-activity';

export default [threatInsightThreatDetected, userReportedSuspiciousActivity, identityRiskHigh, rateLimitViolation, oauthRefreshTokenReuse];

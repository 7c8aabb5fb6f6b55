import type { Detection } from '../../types';
import fastpassPhishingDeclined from './fastpass-phishing-declined';
import mfaBypassAttempt from './mfa-bypass-attempt';
import mfaFactorDisabledOrgWide from './mfa-factor-disabled-org-wide';
import mfaFactorResetByOther from './mfa-factor-reset-by-other';
import mfaPushFatigue from './mfa-push-fatigue';
import mfaPushLocationMismatch from './mfa-push-location-mismatch';
import mfaSelfResetSuspiciousSession from './mfa-self-reset-suspicious-session';

export default [
  mfaPushFatigue,
  mfaPushLocationMismatch,
  mfaBypassAttempt,
  mfaFactorResetByOther,
  mfaSelfResetSuspiciousSession,
  mfaFactorDisabledOrgWide,
  fastpassPhishingDeclined,
] as Detection<any, any>[];

import type { Detection } from '../../types';
import appSignOnPolicyChanged from './app-sign-on-policy-changed';
import idpCreatedOrModified from './idp-created-or-modified';
import informationalAdminEvent from './informational-admin-event';
import logStreamTampered from './log-stream-tampered';
import networkZoneWeakened from './network-zone-weakened';
import org2orgAppChanged from './org2org-app-changed';
import signOnPolicyModified from './sign-on-policy-modified';
import signOnPolicyWeakened from './sign-on-policy-weakened';

export default [signOnPolicyWeakened, signOnPolicyModified, appSignOnPolicyChanged, networkZoneWeakened, idpCreatedOrModified, org2orgAppChanged, logStreamTampered, informationalAdminEvent] as Detection<any, any>[];

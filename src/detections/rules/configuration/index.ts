import type { Detection } from '../../types';
import appSignOnPolicyChanged from './app-sign-on-policy-changed';
import idpCreatedOrModified from './idp-created-or-modified';
import logStreamTampered from './log-stream-tampered';
import networkZoneWeakened from './network-zone-weakened';
import signOnPolicyModified from './sign-on-policy-modified';
import signOnPolicyWeakened from './sign-on-policy-weakened';

export default [signOnPolicyWeakened, signOnPolicyModified, appSignOnPolicyChanged, networkZoneWeakened, idpCreatedOrModified, logStreamTampered] as Detection<any, any>[];

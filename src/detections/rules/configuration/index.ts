import type { Detection } from '../../types';
import signOnPolicyWeakened from './sign-on-policy-weakened';
import signOnPolicyModified from './sign-on-policy-modified';

export default [signOnPolicyWeakened, signOnPolicyModified] as Detection<any, any>[];

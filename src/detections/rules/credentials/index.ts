import type { Detection } from '../../types';
import accountLocked from './account-locked';
import bruteForceUser from './brute-force-user';
import credentialStuffing from './credential-stuffing';
import massAccountLockouts from './mass-account-lockouts';
import passwordSprayDistributed from './password-spray-distributed';
import passwordSprayIp from './password-spray-ip';
import signInAfterCredentialAttack from './sign-in-after-credential-attack';
import appPasswordRead from './app-password-read';
import appPasswordRevealed from './app-password-revealed';

export default [
  bruteForceUser,
  passwordSprayIp,
  passwordSprayDistributed,
  credentialStuffing,
  signInAfterCredentialAttack,
  accountLocked,
  massAccountLockouts,
  appPasswordRead,
  appPasswordRevealed,
] as Detection<any, any>[];

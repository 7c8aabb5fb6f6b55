import type { Detection } from '../../types';
import adminRoleGranted from './admin-role-granted';
import adminRoleGrantedToGroup from './admin-role-granted-to-group';
import apiTokenCreated from './api-token-created';
import apiTokenUnrestrictedNetwork from './api-token-unrestricted-network';
import customAdminRoleWidened from './custom-admin-role-widened';
import supportCredentialReset from './support-credential-reset';
import supportImpersonation from './support-impersonation';
import adminConsoleFirstAccess from './admin-console-first-access';

export default [
  adminRoleGranted,
  adminRoleGrantedToGroup,
  customAdminRoleWidened,
  apiTokenCreated,
  apiTokenUnrestrictedNetwork,
  supportImpersonation,
  supportCredentialReset,
  adminConsoleFirstAccess,
] as Detection<any, any>[];

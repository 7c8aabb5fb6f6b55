import adminRoleGranted from './admin-role-granted';

export default [adminRoleGranted];

/** Every detection Vigil ships, by category. Each category folder lists its own rules. */
import configuration from './configuration';
import credentials from './credentials';
import mfa from './mfa';
import oktaSignals from './okta-signals';
import privilege from './privilege';
import sessions from './sessions';

export const categories = { credentials, mfa, privilege, configuration, sessions, 'okta-signals': oktaSignals } as const;

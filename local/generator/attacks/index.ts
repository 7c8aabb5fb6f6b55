/** The attack scenarios injected into a day, in the order they are written (the takeover's steps in story order). */
import { adminRoleGranted } from './admin-role-granted';
import { bruteForce } from './brute-force';
import { logStreamDeactivated } from './log-stream-deactivated';
import { mfaPushFatigue } from './mfa-push-fatigue';
import { passwordSpray } from './password-spray';
import { passwordSprayDistributed } from './password-spray-distributed';
import type { AttackScenario } from './scenario';

/** The demo day's attacks. */
export const ATTACKS: readonly AttackScenario[] = [bruteForce, passwordSpray, mfaPushFatigue, adminRoleGranted, logStreamDeactivated];

/** A large org's: the demo's, and a spray spread over many IPs that must stand out of the org's own failures. */
export const ENTERPRISE_ATTACKS: readonly AttackScenario[] = [...ATTACKS, passwordSprayDistributed];

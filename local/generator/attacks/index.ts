/** The attack scenarios injected into a day, in the order they are written (the takeover's steps in story order). */
import { adminRoleGranted } from './admin-role-granted';
import { bruteForce } from './brute-force';
import { logStreamDeactivated } from './log-stream-deactivated';
import { mfaPushFatigue } from './mfa-push-fatigue';
import { passwordSpray } from './password-spray';
import type { AttackScenario } from './scenario';

export const ATTACKS: readonly AttackScenario[] = [bruteForce, passwordSpray, mfaPushFatigue, adminRoleGranted, logStreamDeactivated];

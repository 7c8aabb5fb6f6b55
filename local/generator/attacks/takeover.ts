/**
 * An account taken over at 14:00 UTC (see mfa-push-fatigue.ts), which the attacker then uses from Moscow to
 * persist and to blind Vigil (admin-role-granted.ts, log-stream-deactivated.ts).
 */
import { HOUR } from '../../../src/time';
import type { Day } from '../day';
import type { User } from '../people';

/** The person whose account is taken over. */
export const takenOver = (users: readonly User[]): User => users[11];

/** When the takeover starts (epoch ms). */
export const takeoverStart = (day: Day): number => day.start + 14 * HOUR;

/**
 * A benign day: what makes one hard for the detections.
 * - shared egress: everyone at an office behind one NAT IP, and most home workers on the corporate VPN, with their
 *   typos mixed in at the same IP (places.ts, sessions.ts);
 * - phones: pushes answered on the phone, on Wi-Fi or its carrier; many people also browse in a concurrent session on
 *   the phone; now and then someone sets up a new phone and signs in to half a dozen apps in a row (sessions.ts);
 * - laptops changing networks mid-session (VPN on or off), browsers updating mid-session (sign-in.ts);
 * - new hires created, activated and signing in for the first time; admins in the Admin Console (admins.ts);
 * - Okta's own events: rate limits from an HR sync, ThreatInsight blocking internet noise (okta-system.ts).
 * The parts draw from the day's random stream in this order.
 */
import type { Day } from './day';
import { adminRoutine } from './admins';
import { oktaSystem } from './okta-system';
import { createUsers, type User } from './people';
import { newPhones, officeHours } from './sessions';

/** Writes a benign day for `n` people to `day`; returns the people. */
export function benignTraffic(day: Day, n: number, seed: number): User[] {
  const users = createUsers(day, n, seed);
  officeHours(day, users);
  newPhones(day, users);
  adminRoutine(day, users);
  oktaSystem(day);
  return users;
}

/**
 * A benign day: what makes one hard for the detections.
 * - shared egress: everyone at an office behind one NAT IP, and most home workers on the corporate VPN, with their
 *   typos mixed in at the same IP (places.ts, sessions.ts);
 * - phones: pushes answered on the phone, on Wi-Fi or its carrier; many people also browse in a concurrent session on
 *   the phone; now and then someone sets up a new phone and signs in to half a dozen apps in a row (sessions.ts);
 * - laptops changing networks mid-session (VPN on or off), browsers updating mid-session (sign-in.ts);
 * - new hires created, activated and signing in for the first time; admins in the Admin Console (admins.ts);
 * - Okta's own events: rate limits from an HR sync, ThreatInsight blocking internet noise (okta-system.ts);
 * - in a large org (the enterprise profile): travellers flying to another office (travel.ts), service accounts signing
 *   in every few minutes (service-accounts.ts), the help desk resetting factors (helpdesk.ts) and the HR import
 *   creating the next cohort in one burst (provisioning.ts);
 * - app habits: a stored password revealed now and then, an old bookmark to an app the user lost (app-habits.ts).
 * The parts draw from the day's random stream in this order; app habits from a stream of their own.
 */
import type { Day } from './day';
import { adminRoutine } from './admins';
import { appHabits } from './app-habits';
import { oktaSystem } from './okta-system';
import { factorResets } from './helpdesk';
import { createUsers, type User } from './people';
import { provisioningBurst } from './provisioning';
import { serviceAccounts } from './service-accounts';
import { newPhones, officeHours } from './sessions';
import { travellers } from './travel';

/** Writes a benign day for `n` people to `day`; returns the people. */
export function benignTraffic(day: Day, n: number, seed: number): User[] {
  const users = createUsers(day, n, seed);
  const rates = day.profile.org;
  // Travellers first: their day replaces their office hours and evening at home.
  const away = rates ? travellers(day, users, rates.travellerShare) : new Set<User>();
  officeHours(day, users, away);
  newPhones(day, users, away);
  adminRoutine(day, users);
  oktaSystem(day);
  if (rates) {
    serviceAccounts(day, n, rates);
    factorResets(day, users, rates);
    provisioningBurst(day, n, rates);
  }
  appHabits(day, users, away, seed);
  return users;
}

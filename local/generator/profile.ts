/**
 * The rates a generated org runs at. `demo` is the day `npm start` shows, tuned with the catalog on 300-500 users.
 * `enterprise` models a large org (issue 7): every rate is per user, per sign-in or a share of the org, so that volume
 * and noise grow with the org (about 25 events per user a day; a 20,000-user day is about 500,000 events), with the
 * behaviours that make a large org hard for detections (org-scale.ts) and a distributed spray among its attacks.
 */
import { ATTACKS, ENTERPRISE_ATTACKS } from './attacks';
import type { AttackScenario } from './attacks/scenario';

export interface Profile {
  /** Per sign-in: the username is mistyped first (Okta does not know it), then retyped. */
  readonly wrongUsername: number;
  /** Per sign-in: the password is mistyped once or twice, then the user signs in from the same browser. */
  readonly mistypedPassword: number;
  /** The behaviours of a large org (org-scale.ts); none in the demo day. */
  readonly org?: OrgRates;
  /** The attacks injected unless the day is benign. */
  readonly attacks: readonly AttackScenario[];
}

export interface OrgRates {
  /** Service accounts (integrations signing in every few minutes), per user of the org. */
  readonly serviceAccountsPerUser: number;
  /** Minutes between two sign-ins of a service account, drawn in this range. */
  readonly serviceEveryMinutes: readonly [number, number];
  /** Help-desk MFA factor resets (a lost or new phone) per user a day; the user enrols a new factor after. */
  readonly factorResetsPerUser: number;
  /** Help-desk agents per user of the org (at least two). */
  readonly helpdeskPerUser: number;
  /** New accounts created by the HR import within one hour, as a share of the org. */
  readonly provisioningShare: number;
  /** People flying to another office today, as a share of the org. */
  readonly travellerShare: number;
}

export const PROFILES = {
  demo: { wrongUsername: 0.015, mistypedPassword: 0.06, attacks: ATTACKS },
  enterprise: {
    wrongUsername: 0.01,
    mistypedPassword: 0.028,
    org: {
      serviceAccountsPerUser: 1 / 500,
      serviceEveryMinutes: [3, 10],
      factorResetsPerUser: 0.002,
      helpdeskPerUser: 1 / 1000,
      provisioningShare: 0.015,
      travellerShare: 0.005,
    },
    attacks: ENTERPRISE_ATTACKS,
  },
} as const satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;

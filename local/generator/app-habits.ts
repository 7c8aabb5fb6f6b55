/**
 * Everyday app habits the app detections must let pass: someone looks up a stored password or two in the Dashboard,
 * someone follows an old bookmark to an app they are no longer assigned to, once or twice. Drawn from a stream of
 * their own, so the rest of the day (and the attacks drawn after it) stays as it was.
 */
import { userActor } from '../../src/okta/fixtures';
import type { OktaActor } from '../../src/okta/log-event';
import { MINUTE } from '../../src/time';
import { type Day, mulberry32 } from './day';
import { APPS, appTarget } from './org';
import type { User } from './people';

/** Apps that keep a password for the user (SWA): the Dashboard can reveal it. */
const SWA_APPS: readonly OktaActor[] = [
  { id: '0oa1expenses00000007', name: 'Expenses' },
  { id: '0oa1payroll000000008', name: 'Payroll portal' },
  { id: '0oa1travel0000000009', name: 'Travel booking' },
].map((a) => ({ id: a.id, type: 'AppInstance', alternateId: a.name, displayName: a.name, detailEntry: { signOnModeType: 'BROWSER_PLUGIN' } }));

/** Share of people who reveal a stored password on a given day, and who hit an app they lost. */
const REVEAL_SHARE = 0.005;
const STALE_BOOKMARK_SHARE = 0.003;

export function appHabits(day: Day, users: readonly User[], away: ReadonlySet<User>, seed: number): void {
  const rnd = mulberry32((seed ^ 0x5a11ab17) >>> 0);
  for (const u of users) {
    if (away.has(u)) continue;
    const r = rnd();
    const actor = userActor(u.p);
    let t = day.local(u.office, 10 + rnd() * 7);
    if (r < REVEAL_SHARE) {
      for (let k = 0; k < 1 + Math.floor(rnd() * 2); k++) {
        day.push({ eventType: 'application.user_membership.show_password', at: t, actor, place: u.place, userAgent: u.ua, outcome: 'SUCCESS', target: [actor, SWA_APPS[(k + Math.floor(rnd() * 3)) % 3]], displayMessage: 'Show application password', debugData: { dtHash: u.dt.laptop } });
        t += (2 + rnd() * 10) * MINUTE;
      }
    } else if (r < REVEAL_SHARE + STALE_BOOKMARK_SHARE) {
      const app = appTarget(APPS[Math.floor(rnd() * APPS.length)]);
      for (let k = 0; k < 1 + Math.floor(rnd() * 2); k++) {
        day.push({ eventType: 'app.generic.unauth_app_access_attempt', at: t, actor, place: u.place, userAgent: u.ua, outcome: 'FAILURE', target: [app], displayMessage: 'User attempted unauthorized access to app', debugData: { dtHash: u.dt.laptop } });
        t += (1 + rnd() * 20) * MINUTE;
      }
    }
  }
}

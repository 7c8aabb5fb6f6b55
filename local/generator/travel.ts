/**
 * Travellers: a share of the org flies to another office today. They sign in from home at dawn, on the phone's
 * carrier at the airport, then after the flight (at airliner speed, plus the airports) from the other office's NAT
 * and in the evening from the hotel's Wi-Fi. Their day replaces their ordinary office hours.
 */
import { HOUR, MINUTE } from '../../src/time';
import type { Day } from './day';
import type { User } from './people';
import { cellular, OFFICES, type Office } from './places';
import { signIn } from './sign-in';

/** Flights between the offices that land the same UTC day: from, to, hours in the air. */
const ROUTES: ReadonlyArray<readonly [from: Office, to: Office, hours: number]> = [
  [OFFICES[0], OFFICES[1], 5.3],
  [OFFICES[1], OFFICES[0], 6],
  [OFFICES[1], OFFICES[2], 7],
  [OFFICES[2], OFFICES[1], 8],
  [OFFICES[2], OFFICES[3], 1.8],
  [OFFICES[3], OFFICES[2], 1.9],
];

/** Writes the day of a share of `users` who travel; returns them (their office hours are not written). */
export function travellers(day: Day, users: readonly User[], share: number): ReadonlySet<User> {
  const { rnd } = day;
  const away = new Set<User>();
  const count = Math.round(users.length * share);
  for (let k = 0; k < count; k++) {
    const u = day.pick(users);
    const routes = ROUTES.filter((r) => r[0] === u.office);
    if (u.admin || away.has(u) || routes.length === 0) continue;
    away.add(u);
    const [, to, flight] = day.pick(routes);
    const laptop = (place: User['place']) => ({ place, ua: u.ua, dt: u.dt.laptop });
    const dawn = day.local(u.office, 5.5 + rnd());
    signIn(day, u, dawn, laptop(u.place), () => u.place, { apps: 1 });
    const airport = cellular(rnd, u.office, u.carrier);
    signIn(day, u, dawn + (1.5 + rnd() * 0.5) * HOUR, { place: airport, ua: u.phoneUa, dt: u.dt.phone }, () => airport, { apps: 1 });
    const landed = dawn + (2.5 + flight + rnd()) * HOUR;
    const hotel = { ...to.place, ip: `${to.vpn.ips[0].split('.')[0]}.${200 + Math.floor(rnd() * 50)}.${Math.floor(rnd() * 250)}.${10 + Math.floor(rnd() * 200)}`, asOrg: 'hospitality network', isp: 'hotel wi-fi' };
    const visits = [landed + (45 + rnd() * 45) * MINUTE, landed + (3 + rnd() * 2) * HOUR, landed + (7 + rnd() * 2) * HOUR];
    for (const t of visits) {
      if (t > day.end - HOUR) break;
      const local = ((((t - day.start) / HOUR + to.utcOffset) % 24) + 24) % 24;
      const place = local >= 8 && local < 18 ? to.place : hotel;
      signIn(day, u, t, laptop(place), () => place, { apps: 1 });
    }
  }
  return away;
}

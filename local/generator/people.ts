/**
 * The org's people: a login, an office, a home broadband address, a laptop browser, a share of home days on the VPN,
 * a phone on a carrier, and the device tokens of their browsers. The first four are admins.
 */
import { BROWSER_UA, person, uuidFrom, type Person, type Place } from '../../src/okta/fixtures';
import { mulberry32, type Day } from './day';
import { ANDROID_UA, IPHONE_UA, WINDOWS_UA } from './org';
import { OFFICES, type Carrier, type Office } from './places';

export interface User {
  readonly p: Person;
  readonly office: Office;
  /** Home broadband. */
  readonly place: Place;
  readonly ua: string;
  readonly admin: boolean;
  /** Share of days at home spent on the corporate VPN (full tunnel). */
  readonly vpnShare: number;
  readonly carrier: Carrier;
  readonly phoneUa: string;
  /** Device token hashes (`debugData.dtHash`) of the laptop and phone browsers. */
  readonly dt: { readonly laptop: string; readonly phone: string };
}

const FIRST = ['alex', 'sam', 'jordan', 'taylor', 'morgan', 'casey', 'riley', 'jamie', 'avery', 'quinn', 'dana', 'robin', 'kai', 'noa', 'lee', 'max', 'ana', 'li', 'omar', 'eva'];
const LAST = ['smith', 'garcia', 'chen', 'patel', 'kim', 'nguyen', 'muller', 'rossi', 'silva', 'brown', 'khan', 'cohen', 'sato', 'novak', 'dubois'];

/** The device token hashes of a person's laptop and phone browsers. */
export function deviceTokens(p: Person): User['dt'] {
  const token = (device: string) => uuidFrom(`dt|${p.id}|${device}`).replace(/-/g, '').slice(0, 27);
  return { laptop: token('laptop'), phone: token('phone') };
}

/**
 * `n` people. Logins, offices, home IPs and laptops come from the day's stream; VPN habits, carriers and phones from
 * a second stream of the seed, so that the first stay what they were before phones and VPNs were added.
 */
export function createUsers(day: Day, n: number, seed: number): User[] {
  const { rnd } = day;
  const traits = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  const users: User[] = [];
  for (let i = 0; i < n; i++) {
    const login = `${day.pick(FIRST)}.${day.pick(LAST)}${i}@${day.domain}`;
    let r = rnd();
    const office = OFFICES.find((o) => (r -= o.weight) < 0) ?? OFFICES[0];
    const jitter = () => (rnd() - 0.5) * 0.3;
    const place: Place = {
      ...office.place,
      ip: `73.${(i >> 8) & 255}.${i & 255}.${10 + Math.floor(rnd() * 200)}`,
      lat: office.place.lat + jitter(),
      lon: office.place.lon + jitter(),
      isProxy: false,
    };
    const ua = rnd() < 0.6 ? BROWSER_UA : WINDOWS_UA;
    const v = traits();
    const p = person(login);
    users.push({
      p,
      office,
      place,
      ua,
      admin: i < 4,
      vpnShare: v < 0.55 ? 0.9 : v < 0.7 ? 0.5 : 0,
      carrier: office.carriers[Math.floor(traits() * office.carriers.length)],
      phoneUa: traits() < 0.6 ? IPHONE_UA : ANDROID_UA,
      dt: deviceTokens(p),
    });
  }
  return users;
}

/** An unknown-username typo of a login: the part before @, a dropped letter, or the personal address. */
export function typoOf(rnd: () => number, login: string): string {
  const [name] = login.split('@');
  const k = Math.floor(rnd() * 3);
  if (k === 0) return name;
  if (k === 1) return login.replace(/[aeiou]/, '');
  return `${name.replace(/\d+$/, '')}@gmail.example`;
}

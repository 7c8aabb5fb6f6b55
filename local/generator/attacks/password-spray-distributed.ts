/**
 * Password spray through a residential-proxy pool, 01:10-01:50 UTC: 30 of the org's accounts, one or two tries each,
 * every try from another exit IP in another country, all with the same browser user agent; among them ten guessed
 * logins that Okta does not know (former staff, other name formats). Nothing ends in a success.
 */
import { userActor, type Place } from '../../../src/okta/fixtures';
import { HOUR, MINUTE } from '../../../src/time';
import { unknownUser } from '../org';
import type { AttackScenario } from './scenario';

const SPRAY_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

/** Residential-proxy exits: home broadband in several countries. */
const EXITS: readonly (Omit<Place, 'ip'> & { readonly net: number })[] = [
  { city: 'Sao Paulo', state: 'Sao Paulo', country: 'Brazil', net: 177, lat: -23.5505, lon: -46.6333, asOrg: 'claro s.a.', isp: 'claro' },
  { city: 'Hanoi', state: 'Hanoi', country: 'Vietnam', net: 113, lat: 21.0285, lon: 105.8542, asOrg: 'viettel group', isp: 'viettel' },
  { city: 'Mumbai', state: 'Maharashtra', country: 'India', net: 49, lat: 19.076, lon: 72.8777, asOrg: 'reliance jio infocomm limited', isp: 'jio' },
  { city: 'Houston', state: 'Texas', country: 'United States', net: 73, lat: 29.7604, lon: -95.3698, asOrg: 'comcast cable communications, llc', isp: 'comcast' },
  { city: 'Warsaw', state: 'Mazovia', country: 'Poland', net: 83, lat: 52.2297, lon: 21.0122, asOrg: 'orange polska spolka akcyjna', isp: 'orange polska' },
];

/** Accounts sprayed; a prime stride spreads them over the org without repeats. */
const ACCOUNTS = 30;
const GUESSES = 10;

export const passwordSprayDistributed: AttackScenario = {
  name: 'distributed password spray through residential proxies',
  detection: 'okta-password-spray-distributed',
  inject(day, users) {
    const t = day.start + 1 * HOUR + 10 * MINUTE;
    const tries = ACCOUNTS + GUESSES;
    for (let k = 0; k < tries; k++) {
      const { net, ...exit } = EXITS[k % EXITS.length];
      const place: Place = { ...exit, ip: `${net}.${40 + k}.${(k * 37) % 250}.${((k * 53) % 250) + 2}`, isProxy: false };
      const at = t + k * MINUTE;
      const spec = { eventType: 'user.session.start', at, place, userAgent: SPRAY_UA, outcome: 'FAILURE', displayMessage: 'User login to Okta' } as const;
      if (k % 4 === 3) day.push({ ...spec, actor: unknownUser(`${['j.smith', 'admin', 'it.support', 'm.jones', 'test'][k % 5]}${k}@${day.domain}`), reason: 'VERIFICATION_ERROR' });
      else day.push({ ...spec, actor: userActor(users[(k * 7919) % users.length].p), reason: 'INVALID_CREDENTIALS', credentialType: 'PASSWORD' });
    }
    return { at: t };
  },
};

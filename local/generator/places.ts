/**
 * Where the org's people connect from: four offices, each behind one NAT IP shared by everyone there; the corporate VPN
 * (one egress per region; Berlin's concentrator is in Frankfurt, 420 km away); and the mobile carriers of each
 * country, which give a phone a fresh carrier-grade NAT address per connection (IPv6 on T-Mobile).
 */
import { PLACES, type Place } from '../../src/okta/fixtures';

/** A mobile carrier: every phone connection gets a fresh carrier-grade NAT address from its pool. */
export interface Carrier {
  readonly asOrg: string;
  readonly isp: string;
  readonly asNumber: number;
  readonly ip: (r: () => number) => string;
}

export interface Office {
  readonly place: Place;
  /** Hours to add to UTC for local time. */
  readonly utcOffset: number;
  /** Share of the org's people working from this office. */
  readonly weight: number;
  /** Where the corporate VPN concentrator for this office's people egresses. */
  readonly vpn: Omit<Place, 'ip' | 'asOrg' | 'isp'> & { readonly ips: readonly string[] };
  /** Mobile carriers of the office's country. */
  readonly carriers: readonly Carrier[];
}

/** The last octet of an IPv4 address, drawn from `r`. */
export const octet = (r: () => number) => Math.floor(r() * 254) + 1;
const hex4 = (r: () => number) => Math.floor(r() * 0xffff).toString(16);

const US_CARRIERS: Carrier[] = [
  { asOrg: 't-mobile usa, inc.', isp: 't-mobile usa', asNumber: 21928, ip: (r) => `2607:fb90:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}` },
  { asOrg: 'verizon wireless', isp: 'verizon wireless', asNumber: 6167, ip: (r) => `174.${200 + Math.floor(r() * 30)}.${octet(r)}.${octet(r)}` },
  { asOrg: 'at&t mobility llc', isp: 'at&t wireless', asNumber: 20057, ip: (r) => `166.${170 + Math.floor(r() * 30)}.${octet(r)}.${octet(r)}` },
];
const UK_CARRIERS: Carrier[] = [
  { asOrg: 'ee limited', isp: 'ee', asNumber: 12576, ip: (r) => `31.94.${octet(r)}.${octet(r)}` },
  { asOrg: 'vodafone limited', isp: 'vodafone uk', asNumber: 25135, ip: (r) => `82.132.${octet(r)}.${octet(r)}` },
];
const DE_CARRIERS: Carrier[] = [
  { asOrg: 'telefonica germany gmbh & co.ohg', isp: 'o2 germany', asNumber: 6805, ip: (r) => `176.6.${octet(r)}.${octet(r)}` },
  { asOrg: 'vodafone gmbh', isp: 'vodafone germany', asNumber: 3209, ip: (r) => `109.43.${octet(r)}.${octet(r)}` },
  { asOrg: 'deutsche telekom ag', isp: 'telekom deutschland mobil', asNumber: 3320, ip: (r) => `80.187.${octet(r)}.${octet(r)}` },
];

export const OFFICES: readonly Office[] = [
  {
    place: PLACES.sanFrancisco,
    utcOffset: -8,
    weight: 0.4,
    vpn: { ips: ['64.124.32.11'], city: 'San Francisco', state: 'California', country: 'United States', lat: 37.7858, lon: -122.4008, asNumber: 64512 },
    carriers: US_CARRIERS,
  },
  {
    place: PLACES.newYork,
    utcOffset: -5,
    weight: 0.3,
    vpn: { ips: ['64.125.20.21'], city: 'New York', state: 'New York', country: 'United States', lat: 40.7411, lon: -74.0037, asNumber: 64512 },
    carriers: US_CARRIERS,
  },
  {
    place: PLACES.london,
    utcOffset: 0,
    weight: 0.2,
    vpn: { ips: ['81.23.40.11', '81.23.40.12'], city: 'London', state: 'England', country: 'United Kingdom', lat: 51.5136, lon: -0.0893, asNumber: 64513 },
    carriers: UK_CARRIERS,
  },
  {
    place: PLACES.berlin,
    utcOffset: 1,
    weight: 0.1,
    vpn: { ips: ['91.198.44.7'], city: 'Frankfurt am Main', state: 'Hesse', country: 'Germany', lat: 50.1109, lon: 8.6821, asNumber: 64513 },
    carriers: DE_CARRIERS,
  },
];

/** The corporate VPN egress for an office's i-th person (regions with two concentrators alternate). */
export function vpnPlace(office: Office, i: number, org: string): Place {
  return { ...office.vpn, ip: office.vpn.ips[i % office.vpn.ips.length], asOrg: `${org} corp`, isp: `${org} corp`, isProxy: false };
}

/** A phone on its carrier: a fresh CGNAT address, geolocated in the office's city (city-level accuracy). */
export function cellular(rnd: () => number, office: Office, carrier: Carrier): Place {
  return {
    ip: carrier.ip(rnd),
    city: office.place.city,
    state: office.place.state,
    country: office.place.country,
    lat: office.place.lat + (rnd() - 0.5) * 0.2,
    lon: office.place.lon + (rnd() - 0.5) * 0.2,
    asOrg: carrier.asOrg,
    isp: carrier.isp,
    asNumber: carrier.asNumber,
    isProxy: false,
  };
}

/** Places used by the session fixtures beyond `PLACES` (fixtures and tests only). */
import type { Place } from '../../okta/fixtures';

/** The office across town from `PLACES.sanFrancisco` (home): same city, other network. */
export const SF_OFFICE: Place = { ip: '198.51.100.140', city: 'San Francisco', state: 'California', country: 'United States', lat: 37.7897, lon: -122.3942, asOrg: 'at&t', isp: 'at&t services' };

/** A phone on a mobile carrier in San Francisco. */
export const SF_CELL: Place = { ip: '198.51.100.9', city: 'San Francisco', state: 'California', country: 'United States', lat: 37.76, lon: -122.43, asOrg: 't-mobile usa', isp: 't-mobile' };

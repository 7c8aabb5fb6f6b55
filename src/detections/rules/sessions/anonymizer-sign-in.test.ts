import { normalize } from '../../../okta/event';
import { minutes, type Place, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type AnonymizerSignInParams } from './anonymizer-sign-in';
import { MULLVAD, signIn, TORONTO, ZSCALER } from './anonymizer-sign-in.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-05T19:40:00Z';
const run = (events: OktaLogEvent[], params: Partial<AnonymizerSignInParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-anonymizer-sign-in', () => {
  it('given a successful sign-in from a Tor exit, when run, then the finding gives the IP, the network and both reasons', () => {
    const [f] = run([signIn(minutes(T0, 0), PLACES.torExit)]);
    expect(f.subject.type).toBe('user');
    expect(f.summary).toContain(PLACES.torExit.ip);
    expect(f.context?.reasons).toEqual(['Okta flags the IP as a proxy', 'network matches anonymizer "tor"']);
    expect(f.context?.isProxy).toBe(true);
  });

  it('given isProxy sent as the string "true", when run, then it fires', () => {
    const e = signIn(minutes(T0, 0), PLACES.berlin);
    const quirky = { ...e, securityContext: { ...e.securityContext, isProxy: 'true' as unknown as boolean } };
    expect(run([quirky])).toHaveLength(1);
  });

  it('given a commercial VPN by name only, when the tenant removes it from the list, then quiet', () => {
    expect(run([signIn(minutes(T0, 0), MULLVAD)])).toHaveLength(1);
    expect(run([signIn(minutes(T0, 0), MULLVAD)], { anonymizerNetworks: ['nordvpn'] })).toHaveLength(0);
  });

  it('given a VPN named only in the securityContext domain, when run, then it fires', () => {
    const place: Place = { ip: '192.0.2.150', city: 'Zurich', state: 'Zurich', country: 'Switzerland', lat: 47.37, lon: 8.54, asOrg: 'm247 europe srl', isp: 'm247' };
    const e = signIn(minutes(T0, 0), place);
    expect(run([{ ...e, securityContext: { ...e.securityContext, domain: 'nordvpn.com' } }])).toHaveLength(1);
  });

  it('given threatSuspected as true, "true" and "TRUE", when run, then each fires; "false" and false do not', () => {
    for (const v of [true, 'true', 'TRUE']) expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco, 'SUCCESS', { threatSuspected: v })])).toHaveLength(1);
    for (const v of [false, 'false']) expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco, 'SUCCESS', { threatSuspected: v })])).toHaveLength(0);
  });

  it('given threatSuspected true, when the tenant turns includeThreatSuspected off, then quiet', () => {
    expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco, 'SUCCESS', { threatSuspected: true })], { includeThreatSuspected: false })).toHaveLength(0);
  });

  it('given the same user through Tor twice in an hour and once the next hour, when run, then one finding per hour', () => {
    const events = [signIn(minutes(T0, 0), PLACES.torExit), signIn(minutes(T0, 10), PLACES.torExit), signIn(minutes(T0, 70), PLACES.torExit)];
    expect(run(events)).toHaveLength(2);
  });

  it('given a failure through Tor, when run, then a low finding saying it failed; with includeFailures off, quiet', () => {
    const events = [signIn(minutes(T0, 0), PLACES.torExit, 'FAILURE')];
    const [f] = run(events);
    expect(f.summary).toMatch(/^Failed sign-in/);
    expect(f.severity).toBe('low');
    expect(run(events, { includeFailures: false })).toHaveLength(0);
  });

  it('given a failure then a success through Tor in one hour, when run, then the success is reported at medium too', () => {
    const found = run([signIn(minutes(T0, 0), PLACES.torExit, 'FAILURE'), signIn(minutes(T0, 2), PLACES.torExit)]);
    expect(found.map((f) => f.severity)).toEqual(['low', 'medium']);
  });

  it('given a gateway flagged as a proxy, when allow-listed by name or by CIDR, then quiet, otherwise it fires', () => {
    expect(run([signIn(minutes(T0, 0), ZSCALER)])).toHaveLength(1);
    expect(run([signIn(minutes(T0, 0), ZSCALER)], { allowedAsOrgs: ['Zscaler'] })).toHaveLength(0);
    expect(run([signIn(minutes(T0, 0), ZSCALER)], { allowedIps: ['198.51.100.200'] })).toHaveLength(0);
  });

  it('given an IPv6 gateway address, when allow-listed by an IPv6 CIDR, then quiet', () => {
    const v6: Place = { ...ZSCALER, ip: '2001:db8:4:10::2a' };
    expect(run([signIn(minutes(T0, 0), v6)])).toHaveLength(1);
    expect(run([signIn(minutes(T0, 0), v6)], { allowedIps: ['2001:db8:4::/48'] })).toHaveLength(0);
  });

  it('given "tor" inside another name (Toronto Hydro), when run, then quiet', () => {
    expect(run([signIn(minutes(T0, 0), TORONTO)])).toHaveLength(0);
  });

  it('given a null security context and an empty client, when run, then it neither throws nor fires', () => {
    expect(run([withQuirks(signIn(minutes(T0, 0), PLACES.torExit))])).toHaveLength(0);
  });
});

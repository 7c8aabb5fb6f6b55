import { label } from '../../../okta/event';
import { allowListed, matchName, networkNames } from '../../kit/network';
import { signInUser } from '../../kit/sign-in';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

export type AnonymizerSignInParams = {
  /** AS organisation / ISP / domain names of anonymizing networks, matched as whole words. */
  anonymizerNetworks: readonly string[];
  /** Also report failed sign-ins, at low severity: someone testing the user's password through an anonymizer. */
  includeFailures: boolean;
  /** Also report a sign-in that ThreatInsight marked `debugData.threatSuspected`. */
  includeThreatSuspected: boolean;
  /** Tenant networks that are fine even though they look like proxies (corporate VPN, secure web gateway). */
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
};

/** A sign-in from Tor, a commercial VPN or another anonymizer. */
export default singleEvent<AnonymizerSignInParams>({
  id: 'okta-anonymizer-sign-in',
  title: 'Sign-in through an anonymizing proxy',
  description:
    'A sign-in (`user.session.start`) from an IP that Okta flags as a proxy (`securityContext.isProxy`), from a network whose AS organisation, ISP or domain names a known anonymizer (Tor, commercial VPNs), or that ThreatInsight marked `debugData.threatSuspected`. Attackers replay stolen credentials through anonymizers to hide their origin; corporate VPNs and gateways the tenant allow-lists stay quiet. A failed sign-in through an anonymizer is someone testing the password and is reported at low severity (one finding per user and hour, apart from a success), unless the tenant turns `includeFailures` off.',
  severityNote: 'low for a failed sign-in',
  severity: 'medium',
  mitre: { tactic: 'Command and Control', technique: 'T1090.003', name: 'Proxy: Multi-hop Proxy' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: {
    anonymizerNetworks: [
      'tor',
      'tor exit',
      'torservers',
      'mullvad',
      'nordvpn',
      'tefincom',
      'expressvpn',
      'express vpn',
      'protonvpn',
      'proton ag',
      'private internet access',
      'surfshark',
      'ipvanish',
      'cyberghost',
      'windscribe',
      'hide.me',
      'purevpn',
      'hotspot shield',
      'privado',
      'vpn unlimited',
      'astrill',
    ],
    includeFailures: true,
    includeThreatSuspected: true,
    allowedIps: [],
    allowedAsOrgs: [],
  },
  match(e, p) {
    if (e.eventType !== 'user.session.start') return undefined;
    if (!(e.outcome === 'SUCCESS' || (p.includeFailures && e.outcome === 'FAILURE'))) return undefined;
    const user = signInUser(e);
    if (!user || allowListed(e, p)) return undefined;
    const reasons: string[] = [];
    if (e.isProxy) reasons.push('Okta flags the IP as a proxy');
    const network = matchName(networkNames(e), p.anonymizerNetworks);
    if (network) reasons.push(`network matches anonymizer "${network}"`);
    if (p.includeThreatSuspected && e.flag('threatSuspected')) reasons.push('ThreatInsight suspected a threat');
    if (!reasons.length) return undefined;
    const failed = e.outcome === 'FAILURE';
    return {
      severity: failed ? 'low' : undefined,
      kind: failed ? 'failed' : undefined,
      subject: userSubject(user),
      summary: `${failed ? 'Failed sign-in' : 'Sign-in'} by ${label(user)} through an anonymizer from ${e.ip ?? 'an unknown IP'}${e.asOrg ? ` (${e.asOrg})` : ''}: ${reasons.join('; ')}`,
      context: { ip: e.ip, country: e.country, city: e.city, asOrg: e.asOrg, isProxy: e.isProxy, outcome: e.outcome, reasons, userAgent: e.userAgent },
    };
  },
  status: 'stable',
  falsePositives: [
    'A user on a personal commercial VPN',
    'A corporate VPN or secure web gateway not yet allow-listed',
  ],
  runbook: {
    check: [
      'The network (AS organisation, isProxy) and whether the user uses it every day',
      'For failed sign-ins: whether other users were tried from the same network',
    ],
    act: [
      'Allow-list corporate egress; for an unknown anonymizer, confirm with the user and reset the password if it was not them',
    ],
  },
  differences: [
    'Also matches anonymizer network names and ThreatInsight suspicion, with a tenant allow-list; failed sign-ins at low severity rather than each as an alert (panther-analysis reports every proxied sign-in alike)',
  ],
  references: [
    'panther-analysis okta_anonymizing_vpn_login (user.session.start with securityContext.isProxy)',
    'okta/customer-detections hunt_sign_in_attempts_from_proxies',
  ],
});

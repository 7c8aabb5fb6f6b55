/** User agents. */

/**
 * A user agent without its version numbers, so a browser updating mid-session (Chrome 131 -> 132) stays
 * the same client while a different browser or operating system does not.
 */
export function userAgentFamily(ua: string | undefined): string | undefined {
  if (!ua) return undefined;
  const s = ua.toLowerCase().replace(/\d+(?:[._]\d+)*/g, '#').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

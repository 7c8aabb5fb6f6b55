/** Regular expressions from tenant parameters. */

/** A case-insensitive regular expression from a tenant parameter; an invalid or empty pattern matches nothing. */
export function safeRegex(pattern: string): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
}

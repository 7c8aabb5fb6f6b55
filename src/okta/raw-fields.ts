/**
 * What a stored record's text tells before it is parsed: a reader that wants only some records (an hour's)
 * skips the others without JSON.parse, which is most of a read's cost. Only a certain "no" skips a record: whenever the text could mean something else than it seems (the field twice,
 * at any depth; a `\u` escape, which could spell the field's name; a value with escapes or in another
 * format), the answer is "maybe", and the record is parsed and judged by the intake as before.
 */

/**
 * The string value of the one field called `name` in a JSON line, when the line has exactly one such key
 * and neither the line nor the value holds escapes that could hide another. Undefined: cannot tell.
 */
export function soleStringField(line: string, name: string): string | undefined {
  const token = `"${name}"`;
  const at = line.indexOf(token);
  if (at < 0 || line.indexOf(token, at + token.length) >= 0 || line.includes('\\u')) return undefined;
  let i = at + token.length;
  while (line[i] === ' ') i++;
  if (line[i++] !== ':') return undefined;
  while (line[i] === ' ') i++;
  if (line[i++] !== '"') return undefined;
  const end = line.indexOf('"', i);
  if (end < 0) return undefined;
  const value = line.slice(i, end);
  return value.includes('\\') ? undefined : value;
}

/** An instant as Okta writes `published`: UTC, hours 00 to 23, minutes and seconds 00 to 59. */
const PLAIN_UTC = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/** False only when the record's `published` is certainly of another event-time hour (YYYY-MM-DDTHH) than `hour`. */
export function mayBeOfHour(line: string, hour: string): boolean {
  const published = soleStringField(line, 'published');
  const m = published === undefined ? null : PLAIN_UTC.exec(published);
  return m === null || m[1] === hour;
}

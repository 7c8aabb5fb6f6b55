import { Token } from 'cdktf';

/**
 * A string from a tenant file, to be taken literally by Terraform: `${` and `%{` start template
 * sequences in every Terraform string (HCL and JSON syntax alike) and cdktf does not escape them, so a
 * detection parameter such as `"${x}"` would otherwise be evaluated. Strings holding cdktf tokens
 * (Terraform references) are left alone.
 */
export function literal(value: string): string {
  if (Token.isUnresolved(value)) return value;
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** {@link literal} applied to every string in a JSON-like value (keys included). */
export function literalDeep<T>(value: T): T {
  if (typeof value === 'string') return literal(value) as T;
  if (Array.isArray(value)) return value.map(literalDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [literal(k), literalDeep(v)])) as T;
  }
  return value;
}

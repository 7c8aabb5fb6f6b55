import { Token } from 'cdktf';

/**
 * A string from a tenant file, to be taken literally by Terraform: `${` and `%{` start template
 * sequences in every Terraform string (HCL and JSON syntax alike) and cdktf does not escape them, so a
 * detection parameter such as `"${x}"` would otherwise be evaluated. Strings holding cdktf tokens
 * (Terraform references) are left alone.
 */
export function literal(value: string): string {
  if (Token.isUnresolved(value)) return value;
  return value.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/**
 * Rules for tenants that share an AWS account, checked when the tenant files are loaded (`vigil tenants
 * validate`, synth):
 *
 * - **No tenant's names extend another's.** Every resource of a tenant is named `vigil-<id>-...`, and the
 *   few wildcards left in its policies and its X-Ray sampling rule (`vigil-<id>-*`) stop at that
 *   delimited prefix. `acme-corp` in the same account as `acme` would put `vigil-acme-corp-...` under
 *   `vigil-acme-*`: rejected. Ids that only share letters (`acme`, `acmecorp`) are fine.
 * - **Reserved concurrency fits the account.** Every function reserves its concurrency
 *   (reservedConcurrencyOf): the reservations of all tenants in one account and region must leave the
 *   100 unreserved executions AWS requires, so one tenant's burst cannot starve another's.
 */
import { LAMBDAS, reservedConcurrencyOf, type LambdaName } from '../pipeline/lambdas';
import { QUEUES } from '../pipeline/queues';
import type { TenantProblem } from './load';
import type { Tenant } from './schema';

/** AWS's default Lambda concurrency limit per account and region. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
/** Concurrent executions AWS keeps unreserved in every account and region. */
export const UNRESERVED_CONCURRENCY = 100;

interface Loaded {
  readonly file: string;
  readonly tenant: Tenant;
}

/** Every problem of tenants sharing an account: extended ids, concurrency over the account's limit. */
export function sharedAccountProblems(tenants: readonly Loaded[]): TenantProblem[] {
  return [...extendedIdProblems(tenants), ...tenants.flatMap(drainConcurrencyProblems), ...concurrencyProblems(tenants)];
}

/** `acme-corp` extends `acme`: a name pattern `vigil-acme-*` would match it. */
function extendedIdProblems(tenants: readonly Loaded[]): TenantProblem[] {
  const problems: TenantProblem[] = [];
  // IAM names are global to the account (whatever the region), so the rule is per account.
  for (const list of groupBy(tenants, (t) => t.tenant.aws.accountId).values()) {
    for (const longer of list) {
      const shorter = list.find((other) => longer.tenant.id.startsWith(`${other.tenant.id}-`));
      if (!shorter) continue;
      problems.push({
        file: longer.file,
        tenant: longer.tenant.id,
        field: 'id',
        message:
          `extends the id "${shorter.tenant.id}" (${shorter.file}) in the same account ${longer.tenant.aws.accountId}: ` +
          `"${shorter.tenant.id}"'s names and policies (vigil-${shorter.tenant.id}-*) would also cover this tenant's resources; ` +
          `choose an id that does not start with "${shorter.tenant.id}-", or another account`,
      });
    }
  }
  return problems;
}

/** A function that drains a queue needs at least the concurrency its poller may use, or the poller is throttled. */
function drainConcurrencyProblems({ file, tenant }: Loaded): TenantProblem[] {
  return (Object.keys(LAMBDAS) as LambdaName[]).flatMap((name) => {
    const reserved = reservedConcurrencyOf(name, tenant.concurrency.reserved);
    const needed = Math.max(0, ...(LAMBDAS[name].drains ?? []).map((q) => QUEUES[q].maximumConcurrency));
    if (reserved >= needed) return [];
    return [{ file, tenant: tenant.id, field: `concurrency.reserved.${name}`, message: `must be at least ${needed}, the concurrency its queue's poller may use (a throttled poller sends records back to the queue, and on to its dead-letter queue)` }];
  });
}

/** The functions of the tenants in one account and region reserve no more than its limit less what AWS keeps unreserved. */
function concurrencyProblems(tenants: readonly Loaded[]): TenantProblem[] {
  const problems: TenantProblem[] = [];
  for (const [where, list] of groupBy(tenants, (t) => `${t.tenant.aws.accountId}/${t.tenant.aws.region}`)) {
    const stated = list.filter((t) => t.tenant.concurrency.accountLimit !== undefined);
    const limit = stated[0]?.tenant.concurrency.accountLimit ?? DEFAULT_ACCOUNT_CONCURRENCY;
    for (const t of stated) {
      if (t.tenant.concurrency.accountLimit === limit) continue;
      problems.push({ file: t.file, tenant: t.tenant.id, field: 'concurrency.accountLimit', message: `is ${t.tenant.concurrency.accountLimit}, but ${stated[0].file} states ${limit} for the same account and region ${where}: state the account's one limit` });
    }
    const reservations = list.map((t) => ({ ...t, reserved: totalReserved(t.tenant) }));
    const total = reservations.reduce((sum, r) => sum + r.reserved, 0);
    const available = limit - UNRESERVED_CONCURRENCY;
    if (total <= available) continue;
    const last = reservations[reservations.length - 1];
    problems.push({
      file: last.file,
      tenant: last.tenant.id,
      field: 'concurrency.reserved',
      message:
        `the ${list.length} tenant(s) in ${where} reserve ${total} concurrent executions (${reservations.map((r) => `${r.tenant.id} ${r.reserved}`).join(', ')}), ` +
        `over the ${available} that the account's limit of ${limit} leaves after the ${UNRESERVED_CONCURRENCY} AWS keeps unreserved: ` +
        `lower concurrency.reserved, move a tenant to another account, or state concurrency.accountLimit once AWS has raised it`,
    });
  }
  return problems;
}

/** Executions a tenant's functions reserve together. */
export function totalReserved(tenant: Pick<Tenant, 'concurrency'>): number {
  return (Object.keys(LAMBDAS) as LambdaName[]).reduce((sum, name) => sum + reservedConcurrencyOf(name, tenant.concurrency.reserved), 0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

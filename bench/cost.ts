/**
 * Cost: a generated day through the local runtime, its AWS requests counted and priced, as `vigil cost`
 * prints it (local/cost-day.ts, src/cost/bill.ts): cost per million events by component, the ratio to the
 * floor (EventBridge partner events and archive), the fixed cost per tenant-month and the wall time.
 */
import { resolve } from 'node:path';
import { measureDay } from '../local/cost-day';
import { monthlyBill } from '../src/cost/bill';
import { loadTenants, tenantsDir } from '../src/tenants/load';
import type { Row } from './table';

export async function costRows(users: number): Promise<Row[]> {
  const [tenant] = loadTenants(resolve(tenantsDir()));
  const measured = await measureDay({ tenant, users });
  const bill = monthlyBill(measured.inputs);
  const usd = (n: number) => `$${n.toFixed(n < 0.1 ? 4 : 2)}`;
  return [
    [`${users} users, ${measured.inputs.events} events (tenant ${tenant.id})`, `simulated in ${measured.seconds.toFixed(0)} s (${Math.round(measured.inputs.events / measured.seconds)} events/s)`],
    ...bill.byComponent.map((c): Row => [`  ${c.component}, per million events`, usd(c.perMillionEvents)]),
    ['total per million events vs the floor', `${usd(bill.perMillionEvents)} vs ${usd(bill.floorPerMillion)} = ${bill.ratioToFloor.toFixed(2)}x (target 1.5x)`],
    ['fixed per tenant-month', usd(bill.fixedUsd)],
  ];
}

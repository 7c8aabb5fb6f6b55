/** `vigil cost`: a generated day through the local runtime, its requests counted and priced (src/cost). */
import { measureDay } from '../local/cost-day';
import { monthlyBill, type Bill } from '../src/cost/bill';
import { GB, PRICES, type PriceName } from '../src/cost/prices';
import type { Tenant } from '../src/tenants/schema';
import type { Io } from './commands';

const usd = (n: number) => (n >= 100 ? `$${n.toFixed(0)}` : n >= 1 ? `$${n.toFixed(2)}` : `$${n.toFixed(4)}`);
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const quantity = (n: number, price: PriceName) => (PRICES[price].per === GB ? (n / GB).toFixed(3) : count(n));

export async function costCommand(tenant: Tenant, opts: { eventsPerDay?: number; users?: number; benign?: boolean; json?: boolean }, io: Io): Promise<number> {
  const measured = await measureDay({ tenant, eventsPerDay: opts.eventsPerDay, users: opts.users, attacks: !opts.benign });
  const bill = monthlyBill(measured.inputs);
  if (opts.json) {
    io.out(JSON.stringify({ tenant: tenant.id, day: measured.day, users: measured.users, eventsPerDay: measured.inputs.events, simulatedSeconds: measured.seconds, ...bill, prices: PRICES }));
    return 0;
  }
  for (const l of billText(bill, tenant.id, measured)) io.out(l);
  return 0;
}

export function billText(bill: Bill, tenantId: string, measured: { users: number; day: string; seconds: number; inputs: { events: number } }): string[] {
  const width = Math.max(...bill.byComponent.map((c) => c.component.length), 10);
  const fixed = new Map<string, number>();
  for (const l of bill.fixed) {
    const item = l.component === 'tenant' ? l.item : 'hourly runs with nothing to do (730 a month: transitions, invocations, reads and writes)';
    fixed.set(item, (fixed.get(item) ?? 0) + l.usd);
  }
  return [
    `Tenant ${tenantId}: ${count(measured.inputs.events)} events from ${count(measured.users)} users on ${measured.day}, simulated in ${measured.seconds.toFixed(0)} s; requests counted, priced at us-east-1 list prices (src/cost/prices.ts).`,
    '',
    'Per million events, by component:',
    ...bill.byComponent.map((c) => `  ${c.component.padEnd(width)}  ${usd(c.perMillionEvents)}`),
    `  ${'total'.padEnd(width)}  ${usd(bill.perMillionEvents)} = ${bill.ratioToFloor.toFixed(2)} x the floor (${usd(bill.floorPerMillion)}: EventBridge partner events and archive)`,
    '',
    `Per month at ${count(bill.eventsPerMonth)} events: ${usd(bill.variableUsd)} variable + ${usd(bill.fixedUsd)} fixed per tenant-month = ${usd(bill.variableUsd + bill.fixedUsd)}`,
    'Fixed per tenant-month:',
    ...[...fixed].map(([item, cost]) => `  ${usd(cost).padStart(8)}  ${item}`),
    'Variable per month, largest first:',
    ...[...bill.variable].sort((a, b) => b.usd - a.usd).filter((l) => l.usd > 0).map((l) => `  ${usd(l.usd).padStart(8)}  ${l.component}: ${l.item} (${quantity(l.quantity, l.price)} ${PRICES[l.price].unit})`),
  ];
}

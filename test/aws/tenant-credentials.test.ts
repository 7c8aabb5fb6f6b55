/**
 * The tenant's account, reached the way the deploy reaches it. STS has no local implementation: its answers are
 * mocked with aws-sdk-client-mock.
 */
import { EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import type { Io } from '../../cli/commands';
import { replayCommand } from '../../cli/replay';
import { sessionName, tenantAws, TenantCredentialsError } from '../../src/aws/tenant-credentials';
import { parseTenant } from '../../src/tenants/load';
import type { Tenant } from '../../src/tenants/schema';
import { join } from 'node:path';

const ROLE = 'arn:aws:iam::111111111111:role/VigilDeploy';
const base = { id: 'acme', okta: { org: 'acme', eventSourceName: 'vigil-acme' }, aws: { accountId: '111111111111', region: 'us-east-1' } };
const tenantWith = (aws: Partial<Tenant['aws']> = {}): Tenant => parseTenant('acme.json', { ...base, aws: { ...base.aws, ...aws } }).tenant!;
const fixed = { accessKeyId: 'AKIDCALLER', secretAccessKey: 'secret' };
const assumed = { AccessKeyId: 'ASIAASSUMED', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date('2099-01-01T00:00:00Z') };
const missing = () => Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });

describe('tenant credentials', () => {
  const sts = mockClient(STSClient);
  beforeEach(() => sts.reset());

  it('given a tenant file that names a role, when a command reaches the tenant, then it assumes the role as vigil-<command>-<tenant> and checks the account with the assumed credentials', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: assumed });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/VigilDeploy/vigil-replay-acme' });

    const aws = await tenantAws(tenantWith({ assumeRoleArn: ROLE }), 'replay', { credentials: async () => fixed });

    expect(sts.commandCalls(AssumeRoleCommand)[0].args[0].input).toEqual({ RoleArn: ROLE, RoleSessionName: 'vigil-replay-acme' });
    expect(aws).toMatchObject({ account: '111111111111', role: ROLE, caller: expect.stringContaining('assumed-role/VigilDeploy') });
    expect(await aws.client.credentials()).toMatchObject({ accessKeyId: 'ASIAASSUMED', sessionToken: 't' });
    expect(aws.client.region).toBe('us-east-1');
  });

  it('given credentials for another account, when a command reaches the tenant, then it refuses, naming both accounts', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/ops' });

    const reached = tenantAws(tenantWith(), 'status', { credentials: async () => fixed });

    await expect(reached).rejects.toThrow(TenantCredentialsError);
    await expect(reached).rejects.toThrow(/credentials are for account 999999999999 .*tenant acme \(AWS account 111111111111, us-east-1\)/);
  });

  it('given no credentials anywhere, when a command needs the tenant role, then the message names the account, the role and how to provide credentials', async () => {
    sts.on(AssumeRoleCommand).rejects(missing());

    const reached = tenantAws(tenantWith({ assumeRoleArn: ROLE }), 'replay');

    await expect(reached).rejects.toThrow(/^vigil replay: no AWS credentials to assume the tenant role for tenant acme \(AWS account 111111111111, us-east-1, role arn:aws:iam::111111111111:role\/VigilDeploy\).*AWS_PROFILE=.*AWS_ACCESS_KEY_ID.*may assume arn:aws:iam::111111111111:role\/VigilDeploy/);
  });

  it('given no credentials and no role, when a command reaches the tenant, then the message names the account and how to provide credentials', async () => {
    sts.on(GetCallerIdentityCommand).rejects(missing());

    await expect(tenantAws(tenantWith(), 'status')).rejects.toThrow(/no AWS credentials for tenant acme \(AWS account 111111111111, us-east-1\).*AWS_PROFILE.*for account 111111111111\.$/);
  });

  it('given expired credentials, when a command reaches the tenant, then it says so', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken' }));

    await expect(tenantAws(tenantWith(), 'status', { credentials: async () => fixed })).rejects.toThrow(/expired or are not valid for tenant acme/);
  });

  it('given a long command name and tenant id, when the session is named, then it fits STS rules (64 characters of letters, digits, +=,.@-)', () => {
    const name = sessionName('refresh-user', 'a-very-long-tenant-identifier-0123456789abcdef');
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(name.startsWith('vigil-refresh-user-a-very-long')).toBe(true);
  });

  describe('vigil replay', () => {
    const events = mockClient(EventBridgeClient);
    beforeEach(() => events.reset());

    it("given the acme tenant file (which names a role), when a replay starts, then StartReplay is sent with the role's credentials in the tenant's region", async () => {
      sts.on(AssumeRoleCommand).resolves({ Credentials: assumed });
      sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/VigilDeploy/vigil-replay-acme' });
      events.on(StartReplayCommand).resolves({ State: 'STARTING', ReplayArn: 'arn:aws:events:us-east-1:111111111111:replay/r1' });
      const out: string[] = [];
      const io: Io = { out: (l) => out.push(l), err: (l) => out.push(l) };

      const code = await replayCommand({ tenant: 'acme', from: '2026-11-02T09:00:00Z', to: '2026-11-02T12:00:00Z', name: 'r1', follow: false, tenantsDir: join(__dirname, '../../tenants') }, io);

      expect(code).toBe(0);
      expect(sts.commandCalls(AssumeRoleCommand)[0].args[0].input.RoleSessionName).toBe('vigil-replay-acme');
      const call = events.commandCalls(StartReplayCommand)[0];
      expect(await call.thisValue.config.credentials()).toMatchObject({ accessKeyId: 'ASIAASSUMED' });
      expect(await call.thisValue.config.region()).toBe('us-east-1');
    });
  });
});

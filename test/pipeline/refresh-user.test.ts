/**
 * Refresh User Data end to end on the local runtime: the refresh-user handler reads the Okta API token from the
 * runtime's Secrets Manager stand-in and calls the local Okta API (local/okta-api.ts) over real HTTP, through
 * Okta's SDK.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LocalOktaApi } from '../../local/okta-api';
import { LocalPipeline } from '../../local/runtime';
import { createDynamo } from '../../src/aws/clients';
import { PROFILE_SK } from '../../src/store/users';
import { failedSignIns, normalSignIns, testTenant, victim, wrap } from './helpers';

const TOKEN = '00-local-okta-token';

interface Refreshed {
  user: { id: string; label: string; status: string; factors: unknown[] };
  since: string;
  fetched: number;
  new: number;
  alreadyStored: number;
  hoursReopened: string[];
  findings: { detectionId: string; subject: string }[];
  notified: number;
  total: number;
  events: { published: string }[];
}

describe('Refresh User Data from Okta', () => {
  let okta: LocalOktaApi;
  let p: LocalPipeline;
  // The stream delivered the first 4 failed sign-ins; Okta's System Log has all 12 (the stream lost the rest).
  const attempts = failedSignIns('2026-11-02T09:05:00Z', 12);
  beforeEach(async () => {
    okta = await LocalOktaApi.start({ token: TOKEN, pageSize: 3 });
    okta.addEvents([...attempts, ...normalSignIns('2026-11-02T09:30:00Z', 3)]);
    okta.addUser({ id: victim.id, login: victim.login, displayName: 'Vic Tim', status: 'LOCKED_OUT', lastLogin: '2026-11-01T17:00:00.000Z', factors: [{ type: 'push', provider: 'OKTA', status: 'ACTIVE' }] });
    p = await LocalPipeline.start(testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }), { okta: { orgUrl: okta.url, token: TOKEN } });
    for (const e of attempts.slice(0, 4)) await p.put(wrap(e));
    await p.runHourly('2026-11-02T10:15:00Z');
  });
  afterEach(async () => {
    await p.close();
    await okta.close();
  });

  it("given events the stream never delivered, when the user is refreshed, then Okta's events since the last stored one are merged once, the catalog finds the attack and notifies it naming the user as people know them", async () => {
    expect(p.published).toHaveLength(0);

    const out = await p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' }) as Refreshed;

    expect(out.since).toBe(attempts[3].published);
    expect(out).toMatchObject({ fetched: 9, alreadyStored: 1, new: 8, total: 12, hoursReopened: ['2026-11-02T09'], notified: 1 });
    expect(out.user).toMatchObject({ id: victim.id, status: 'LOCKED_OUT', label: `Vic Tim (${victim.login}, LOCKED_OUT)` });
    expect(out.findings).toEqual([expect.objectContaining({ detectionId: 'okta-brute-force-user', subject: `Vic Tim (${victim.login}, LOCKED_OUT)` })]);
    expect(p.published.map((m) => m.input.Subject)).toEqual([`Vigil testco: Brute force against one user - Vic Tim (${victim.login}, LOCKED_OUT)`]);
    // Three pages of 3, followed by their Link: rel="next", asked for with the user's filter, oldest first.
    const logCalls = okta.requests.filter((r) => r.includes('/api/v1/logs'));
    expect(logCalls).toHaveLength(3);
    expect(logCalls.slice(1).map((r) => new URL(r.split(' ')[1], 'http://x').searchParams.get('after'))).toEqual(['3', '6']);
    const first = new URL(logCalls[0].split(' ')[1], 'http://x').searchParams;
    expect(Object.fromEntries(first)).toMatchObject({ filter: `actor.id eq "${victim.id}" or target.id eq "${victim.id}"`, sortOrder: 'ASCENDING', since: attempts[3].published, until: '2026-11-02T10:30:00.000Z' });
    // The user's events come back newest first.
    expect(out.events.map((e) => e.published)).toEqual(attempts.map((e) => e.published).reverse());
  });

  it('given a refreshed user, when the hourly workflow reprocesses the re-opened hour and the user is refreshed again, then nothing is stored or notified twice', async () => {
    await p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' });

    const run = await p.runHourly('2026-11-02T11:15:00Z');
    const again = await p.refreshUser(victim.id, { asOf: '2026-11-02T11:30:00Z' }) as Refreshed;

    expect(run.status).toBe('SUCCEEDED');
    expect(again).toMatchObject({ fetched: 1, alreadyStored: 1, new: 0, total: 12, notified: 0 });
    expect(p.published).toHaveLength(1);
  });

  it('given a tenant on the daily cadence, when the refresh finds the attack, then the finding is stored and waits for the daily digest', async () => {
    await p.close();
    p = await LocalPipeline.start(testTenant({ notifications: { subscriptions: [], cadence: 'daily' }, detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } }), { okta: { orgUrl: okta.url, token: TOKEN } });
    for (const e of attempts.slice(0, 4)) await p.put(wrap(e));

    const out = await p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' }) as Refreshed;

    expect(out.findings).toHaveLength(1);
    expect(out.notified).toBe(0);
    expect(p.published).toHaveLength(0);
  });

  it("given a refresh, when it is done, then the user's profile and factors and their day are stored per user", async () => {
    await p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' });

    const ddb = createDynamo(p.endpoint);
    const profile = await ddb.send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: PROFILE_SK } }));
    const day = await ddb.send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: '2026-11-02' } }));
    expect(profile.Item).toMatchObject({ login: victim.login, displayName: 'Vic Tim', status: 'LOCKED_OUT', lastLogin: '2026-11-01T17:00:00.000Z', factors: [{ type: 'push', provider: 'OKTA', status: 'ACTIVE' }], fetchedAt: '2026-11-02T10:30:00.000Z' });
    expect(day.Item).toMatchObject({ events: 12, failedSignIns: 12 });
  });

  it('given Okta over its rate limit, when the user is refreshed, then the client waits for X-Rate-Limit-Reset and carries on', async () => {
    okta.rateLimit(2);

    const out = await p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' }) as Refreshed;

    expect(out).toMatchObject({ new: 8, notified: 1 });
    // The first call was refused twice, then answered.
    expect(okta.requests[0]).toBe(okta.requests[1]);
    expect(okta.requests[1]).toBe(okta.requests[2]);
  });

  it('given an expired token, when the user is refreshed, then it fails with Okta\'s 401 named, and nothing is stored', async () => {
    okta.expireToken();

    await expect(p.refreshUser(victim.login, { asOf: '2026-11-02T10:30:00Z' })).rejects.toThrow(/refused the API token \(401 E0000011: Invalid token provided\)/);
    const profile = await createDynamo(p.endpoint).send(new GetCommand({ TableName: p.tables.activity, Key: { user: victim.id, day: PROFILE_SK } }));
    expect(profile.Item).toBeUndefined();
  });
});

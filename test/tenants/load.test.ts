import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenants, TenantConfigError } from '../../src/tenants/load';
import { eventSourceName, oktaOrgUrl } from '../../src/tenants/schema';

const good = {
  id: 'acme',
  okta: { org: 'acme', eventSourceName: 'vigil-acme' },
  aws: { accountId: '111111111111', region: 'us-east-1' },
};

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-tenants-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

function errorOf(files: Record<string, unknown>): TenantConfigError {
  try {
    loadTenants(dirWith(files));
  } catch (err) {
    if (err instanceof TenantConfigError) return err;
    throw err;
  }
  throw new Error('expected a TenantConfigError');
}

describe('tenant files', () => {
  it('given the shipped example tenants, when loaded, then they are valid and distinct', () => {
    const tenants = loadTenants('tenants');
    expect(tenants.map((t) => t.id)).toEqual(['acme', 'globex']);
    expect(eventSourceName(tenants[0])).toBe('aws.partner/okta.com/acme/vigil-acme');
  });

  it('given defaults left out, when loaded, then archive retention, schedule and subscriptions get their defaults', () => {
    const [t] = loadTenants(dirWith({ 'acme.json': good }));
    expect(t.archive.retentionDays).toBe(30);
    expect(t.schedule).toEqual({ gracePeriodMinutes: 15, dailyAt: '06:00' });
    expect(t.notifications.subscriptions).toEqual([]);
    expect(t.operations).toEqual({ silentFeedHours: 6, subscriptions: [] });
    expect(t.tracing).toEqual({ samplingRate: 0.05 });
  });

  it.each([0, 0.001, 1])('given a tracing sampling rate of %s, when loaded, then it is kept', (samplingRate) => {
    const [t] = loadTenants(dirWith({ 'acme.json': { ...good, tracing: { samplingRate } } }));
    expect(t.tracing.samplingRate).toBe(samplingRate);
  });

  it.each([
    ['an event source name with a space', { okta: { org: 'acme', eventSourceName: 'vigil acme' } }, 'okta.eventSourceName', /1-75 characters of letters, digits/],
    ['an event source name of 76 characters', { okta: { org: 'acme', eventSourceName: 'x'.repeat(76) } }, 'okta.eventSourceName', /1-75 characters/],
    ['an account id given as a number', { aws: { accountId: 111111111111, region: 'us-east-1' } }, 'aws.accountId', /./],
    ['an unknown region', { aws: { accountId: '111111111111', region: 'mars-1' } }, 'aws.region', /AWS region/],
    ['a deploy role in another account', { aws: { accountId: '111111111111', region: 'us-east-1', assumeRoleArn: 'arn:aws:iam::222222222222:role/X' } }, 'aws.assumeRoleArn', /tenant's account 111111111111/],
    ['negative archive retention', { archive: { retentionDays: -1 } }, 'archive.retentionDays', /0 \(keep forever\) or more/],
    ['an sms subscription', { notifications: { subscriptions: [{ protocol: 'sms', endpoint: '+1555' }] } }, 'notifications.subscriptions[0].protocol', /one of email, https, sqs/],
    ['an http (not https) endpoint', { notifications: { subscriptions: [{ protocol: 'https', endpoint: 'http://x.example' }] } }, 'notifications.subscriptions[0].endpoint', /https:\/\/ URL/],
    ['an unknown minimum severity', { notifications: { subscriptions: [{ protocol: 'email', endpoint: 'a@b.example', minSeverity: 'urgent' }] } }, 'notifications.subscriptions[0].minSeverity', /one of info, low, medium, high, critical/],
    ['an unknown detection', { detections: { 'okta-nope': { enabled: false } } }, 'detections.okta-nope', /unknown detection/],
    ['an unknown parameter', { detections: { 'okta-brute-force-user': { params: { treshold: 5 } } } }, 'detections.okta-brute-force-user.params.treshold', /unknown parameter/],
    ['a parameter of the wrong type', { detections: { 'okta-brute-force-user': { params: { threshold: 'five' } } } }, 'detections.okta-brute-force-user.params.threshold', /must be a non-negative number/],
    ['an unknown field', { colour: 'blue' }, '(root)', /unknown field\(s\) colour/],
    ['a silent-feed alarm of two days', { operations: { silentFeedHours: 48 } }, 'operations.silentFeedHours', /at most 24 hours/],
    ['a tracing sampling rate over 1', { tracing: { samplingRate: 5 } }, 'tracing.samplingRate', /must be from 0 \(no traces\) to 1 \(every request\)/],
    ['a negative tracing sampling rate', { tracing: { samplingRate: -0.1 } }, 'tracing.samplingRate', /must be from 0 \(no traces\) to 1/],
    ['a tracing sampling rate given as a percentage string', { tracing: { samplingRate: '5%' } }, 'tracing.samplingRate', /must be a number from 0 to 1/],
    ['an unknown cadence', { notifications: { subscriptions: [], cadence: 'weekly' } }, 'notifications.cadence', /must be one of hourly, daily/],
    ['a cadence for an unknown severity', { notifications: { subscriptions: [], cadenceBySeverity: { urgent: 'daily' } } }, 'notifications.cadenceBySeverity', /./],
    ['a grace period shorter than the delivery stream buffers', { schedule: { gracePeriodMinutes: 2 } }, 'schedule.gracePeriodMinutes', /must be at least 6: the delivery stream writes events up to 5 minutes after they arrive/],
    ['an operations subscriber with a severity', { operations: { subscriptions: [{ protocol: 'email', endpoint: 'ops@x.example', minSeverity: 'high' }] } }, 'operations.subscriptions[0]', /unknown field\(s\) minSeverity/],
  ])('given %s, when loaded, then the error names the file, the tenant, the field and the rule', (_name, patch, field, rule) => {
    const err = errorOf({ 'acme.json': { ...good, ...patch } });
    const problem = err.problems.find((p) => p.field === field);
    expect(problem).toMatchObject({ file: expect.stringMatching(/acme\.json$/), tenant: 'acme' });
    expect(problem!.message).toMatch(rule);
    expect(err.message).toContain(`tenant "acme": field ${field}: `);
  });

  it("given an Okta org on another domain, when loaded, then its API URL is that domain; without one, <org>.okta.com", () => {
    const [preview, plain] = loadTenants(dirWith({ 'a.json': { ...good, okta: { ...good.okta, domain: 'acme.oktapreview.com' } }, 'b.json': { ...good, id: 'bravo', okta: { org: 'bravo', eventSourceName: 'vigil-bravo' } } }));
    expect(oktaOrgUrl(preview)).toBe('https://acme.oktapreview.com');
    expect(oktaOrgUrl(plain)).toBe('https://bravo.okta.com');
  });

  it('given an Okta domain with a scheme, when loaded, then it is rejected naming the field', () => {
    expect(errorOf({ 'a.json': { ...good, okta: { ...good.okta, domain: 'https://acme.okta.com' } } }).message).toMatch(/field okta\.domain: must be the Okta org's domain/);
  });

  it('given two files with the same id, when loaded, then the duplicate is rejected naming both files', () => {
    const err = errorOf({ 'a.json': good, 'b.json': { ...good, okta: { org: 'acme', eventSourceName: 'other' } } });
    expect(err.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/b\.json$/), field: 'id', message: expect.stringMatching(/duplicate tenant id, already used in .*a\.json/) })]);
  });

  it('given two tenants on the same event source, when loaded, then the duplicate source is rejected', () => {
    const err = errorOf({ 'a.json': good, 'b.json': { ...good, id: 'beta' } });
    expect(err.problems).toEqual([expect.objectContaining({ tenant: 'beta', field: 'okta.eventSourceName', message: expect.stringMatching(/duplicate event source aws.partner\/okta.com\/acme\/vigil-acme/) })]);
  });

  it('given more tenants in one account and region than EventBridge allows buses, when loaded, then the one over the quota is rejected', () => {
    process.env.VIGIL_MAX_BUSES_PER_ACCOUNT = '2';
    try {
      const files = Object.fromEntries(['one', 'two', 'three'].map((id) => [`${id}.json`, { ...good, id: `t-${id}`, okta: { org: id, eventSourceName: 'vigil' } }]));
      const err = errorOf(files);
      expect(err.problems).toEqual([expect.objectContaining({ tenant: 't-two', field: 'aws.accountId', message: expect.stringMatching(/3 tenants in 111111111111\/us-east-1 need 3 event buses, over the quota of 2/) })]);
    } finally {
      delete process.env.VIGIL_MAX_BUSES_PER_ACCOUNT;
    }
  });

  it('given a file that is not JSON, when loaded, then the error names the file', () => {
    const err = errorOf({ 'broken.json': '{ "id": ' });
    expect(err.problems[0]).toMatchObject({ file: expect.stringMatching(/broken\.json$/), field: '(file)', message: expect.stringMatching(/not valid JSON/) });
  });
});

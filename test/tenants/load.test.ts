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
    ['a webhook with a user and password in its URL', { notifications: { subscriptions: [{ protocol: 'https', endpoint: 'https://soc:hunter2@hooks.acme.example/vigil' }] } }, 'notifications.subscriptions[0].endpoint', /must not carry credentials \(user:password@\)/],
    ['a webhook with a token in its query string', { notifications: { subscriptions: [{ protocol: 'https', endpoint: 'https://hooks.acme.example/vigil?team=soc&access_token=abc' }] } }, 'notifications.subscriptions[0].endpoint', /credentials in its query string \(parameter "access_token"\)/],
    ['an operations webhook with a signature in its query string', { operations: { subscriptions: [{ protocol: 'https', endpoint: 'https://ops.example/hook?sig=abc' }] } }, 'operations.subscriptions[0].endpoint', /parameter "sig"/],
    ['a queue in another account', { notifications: { subscriptions: [{ protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:999999999999:findings' }] } }, 'notifications.subscriptions[0].endpoint', /queue in account 999999999999, not the tenant's 111111111111: list it in aws.allowedSubscriberAccounts/],
    ['an operations queue in another account', { operations: { subscriptions: [{ protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:999999999999:ops' }] } }, 'operations.subscriptions[0].endpoint', /account 999999999999/],
    ['a queue in another partition', { notifications: { subscriptions: [{ protocol: 'sqs', endpoint: 'arn:aws-cn:sqs:cn-north-1:111111111111:findings' }] } }, 'notifications.subscriptions[0].endpoint', /in the aws partition of region us-east-1, not aws-cn/],
    ['a region that does not exist', { aws: { accountId: '111111111111', region: 'us-east-7' } }, 'aws.region', /AWS region that exists/],
    ['a region shaped like a GovCloud one that does not exist', { aws: { accountId: '111111111111', region: 'eu-gov-west-1' } }, 'aws.region', /AWS region that exists/],
    ['a deploy role of the commercial partition in GovCloud', { aws: { accountId: '111111111111', region: 'us-gov-west-1', assumeRoleArn: 'arn:aws:iam::111111111111:role/X' } }, 'aws.assumeRoleArn', /in the aws-us-gov partition of region us-gov-west-1 \(arn:aws-us-gov:...\), not aws/],
    ['a threshold of 0', { detections: { 'okta-brute-force-user': { params: { threshold: 0 } } } }, 'detections.okta-brute-force-user.params.threshold', /at least 1 \(a threshold of 0/],
    ['a minimum count of 0', { detections: { 'okta-password-spray-ip': { params: { minUsers: 0 } } } }, 'detections.okta-password-spray-ip.params.minUsers', /at least 1/],
    ['a window of a month in minutes', { detections: { 'okta-brute-force-user': { params: { windowMinutes: 43_200 } } } }, 'detections.okta-brute-force-user.params.windowMinutes', /from 1 to 10080 minutes/],
    ['a window of 0 minutes', { detections: { 'okta-brute-force-user': { params: { windowMinutes: 0 } } } }, 'detections.okta-brute-force-user.params.windowMinutes', /from 1 to 10080 minutes/],
    ['a memory of ten years', { detections: { 'okta-new-country-sign-in': { params: { memoryDays: 3650 } } } }, 'detections.okta-new-country-sign-in.params.memoryDays', /from 0 to 365 days/],
    ['a __proto__ key', JSON.parse('{"detections": {"__proto__": {"enabled": false}}}'), 'detections.__proto__', /the key "__proto__" is not allowed anywhere in a tenant file/],
    ['a constructor parameter', { detections: { 'okta-brute-force-user': { params: JSON.parse('{"constructor": 1}') } } }, 'detections.okta-brute-force-user.params.constructor', /the key "constructor" is not allowed/],
    ['a prototype key at the top', JSON.parse('{"prototype": {}}'), 'prototype', /the key "prototype" is not allowed/],
    ['an operations subscriber with a severity', { operations: { subscriptions: [{ protocol: 'email', endpoint: 'ops@x.example', minSeverity: 'high' }] } }, 'operations.subscriptions[0]', /unknown field\(s\) minSeverity/],
  ])('given %s, when loaded, then the error names the file, the tenant, the field and the rule', (_name, patch, field, rule) => {
    const err = errorOf({ 'acme.json': { ...good, ...patch } });
    const problem = err.problems.find((p) => p.field === field);
    expect(problem).toMatchObject({ file: expect.stringMatching(/acme\.json$/), tenant: 'acme' });
    expect(problem!.message).toMatch(rule);
    expect(err.message).toContain(`tenant "acme": field ${field}: `);
  });

  it("given an Okta org on another domain, when loaded, then its API URL is that domain; without one, <org>.okta.com", () => {
    const [preview, plain] = loadTenants(dirWith({ 'acme.json': { ...good, okta: { ...good.okta, domain: 'acme.oktapreview.com' } }, 'bravo.json': { ...good, id: 'bravo', okta: { org: 'bravo', eventSourceName: 'vigil-bravo' } } }));
    expect(oktaOrgUrl(preview)).toBe('https://acme.oktapreview.com');
    expect(oktaOrgUrl(plain)).toBe('https://bravo.okta.com');
  });

  it('given an Okta domain with a scheme, when loaded, then it is rejected naming the field', () => {
    expect(errorOf({ 'acme.json': { ...good, okta: { ...good.okta, domain: 'https://acme.okta.com' } } }).message).toMatch(/field okta\.domain: must be the Okta org's domain/);
  });

  it('given two tenants on the same event source, when loaded, then the duplicate source is rejected', () => {
    const err = errorOf({ 'acme.json': good, 'beta.json': { ...good, id: 'beta' } });
    expect(err.problems).toEqual([expect.objectContaining({ tenant: 'beta', field: 'okta.eventSourceName', message: expect.stringMatching(/duplicate event source aws.partner\/okta.com\/acme\/vigil-acme/) })]);
  });

  it('given more tenants in one account and region than EventBridge allows buses, when loaded, then the one over the quota is rejected', () => {
    process.env.VIGIL_MAX_BUSES_PER_ACCOUNT = '2';
    try {
      const files = Object.fromEntries(['one', 'two', 'three'].map((id) => [`t-${id}.json`, { ...good, id: `t-${id}`, okta: { org: id, eventSourceName: 'vigil' } }]));
      const err = errorOf(files);
      expect(err.problems).toEqual([expect.objectContaining({ tenant: 't-two', field: 'aws.accountId', message: expect.stringMatching(/3 tenants in 111111111111\/us-east-1 need 3 event buses, over the quota of 2/) })]);
    } finally {
      delete process.env.VIGIL_MAX_BUSES_PER_ACCOUNT;
    }
  });

  it.each([
    ['China', 'cn-north-1', 'arn:aws-cn:iam::111111111111:role/VigilDeploy', 'arn:aws-cn:sqs:cn-north-1:111111111111:findings'],
    ['GovCloud', 'us-gov-west-1', 'arn:aws-us-gov:iam::111111111111:role/VigilDeploy', 'arn:aws-us-gov:sqs:us-gov-east-1:111111111111:findings'],
  ])('given a tenant in %s with its own partition\'s ARNs, when loaded, then it is valid', (_where, region, role, queue) => {
    const [t] = loadTenants(dirWith({ 'acme.json': { ...good, aws: { accountId: '111111111111', region, assumeRoleArn: role }, notifications: { subscriptions: [{ protocol: 'sqs', endpoint: queue }] } } }));
    expect(t.aws.region).toBe(region);
  });

  it('given a queue in another account the tenant file allows, when loaded, then it is valid', () => {
    const sub = { protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:999999999999:findings' };
    const [t] = loadTenants(dirWith({ 'acme.json': { ...good, aws: { ...good.aws, allowedSubscriberAccounts: ['999999999999'] }, notifications: { subscriptions: [sub] } } }));
    expect(t.notifications.subscriptions[0].endpoint).toBe(sub.endpoint);
  });

  it('given a file named differently from its tenant id, when loaded, then it is rejected naming the file, the tenant and the name it belongs under', () => {
    const err = errorOf({ 'globex.json': good });
    expect(err.problems).toEqual([{ file: expect.stringMatching(/globex\.json$/), tenant: 'acme', field: 'id', message: 'must match the file name: tenant "acme" belongs in acme.json' }]);
  });

  it('given a file that starts with a byte order mark, when loaded, then it is rejected saying so', () => {
    const err = errorOf({ 'acme.json': `\uFEFF${JSON.stringify(good)}` });
    expect(err.problems).toEqual([{ file: expect.stringMatching(/acme\.json$/), field: '(file)', message: 'starts with a byte order mark (BOM): save it as UTF-8 without one' }]);
  });

  it('given a file that is not JSON, when loaded, then the error names the file', () => {
    const err = errorOf({ 'broken.json': '{ "id": ' });
    expect(err.problems[0]).toMatchObject({ file: expect.stringMatching(/broken\.json$/), field: '(file)', message: expect.stringMatching(/not valid JSON/) });
  });
});

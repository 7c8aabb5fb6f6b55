/** The small pure pieces of the stacks: names, crons, filter policies, literals, HCL formatting. */
import { SEVERITIES } from '../../src/detections/types';
import { unquoteDependsOn, unwrapInterpolation, unwrapInterpolations } from '../../scripts/format-hcl';
import { severityFilterPolicy } from '../../src/pipeline/notifications';
import { dailyCron, dailyInput, hourlyCron, hourlyInput } from '../../stacks/constructs/tenant-schedules';
import { literal, literalDeep } from '../../stacks/literal';
import { boundedName, MAX_ARCHIVE_NAME, partitionOf, TenantArns, tenantNames } from '../../stacks/naming';
import { formatHcl } from './support';

describe('names', () => {
  it('given a name that fits, when bounded, then it is unchanged', () => {
    expect(boundedName('vigil-acme-okta', MAX_ARCHIVE_NAME)).toBe('vigil-acme-okta');
  });

  it('given names too long, when bounded, then they fit, stay distinct and stable', () => {
    const a = boundedName(`vigil-${'a'.repeat(60)}-okta`, MAX_ARCHIVE_NAME);
    const b = boundedName(`vigil-${'a'.repeat(61)}-okta`, MAX_ARCHIVE_NAME);
    expect(a.length).toBeLessThanOrEqual(MAX_ARCHIVE_NAME);
    expect(b.length).toBeLessThanOrEqual(MAX_ARCHIVE_NAME);
    expect(a).not.toBe(b);
    expect(boundedName(`vigil-${'a'.repeat(60)}-okta`, MAX_ARCHIVE_NAME)).toBe(a);
    expect(a).toMatch(/^[.\-_A-Za-z0-9]+$/);
  });

  it('given the longest tenant id the schema allows, then the archive name fits in 48 characters', () => {
    const id = `a${'b'.repeat(30)}c`; // TENANT_ID: 3-32 characters
    expect(tenantNames({ id, okta: { org: 'x', eventSourceName: 'y' } }).archive.length).toBeLessThanOrEqual(MAX_ARCHIVE_NAME);
  });

  it('given a GovCloud region, then ARNs use the aws-us-gov partition', () => {
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(new TenantArns('us-gov-west-1', '123456789012').stateMachine('m')).toBe('arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:m');
  });

  it('given a partner bus, then rule ARNs include the bus name', () => {
    expect(new TenantArns('us-east-1', '123456789012').rule('aws.partner/okta.com/acme/x', 'r')).toBe('arn:aws:events:us-east-1:123456789012:rule/aws.partner/okta.com/acme/x/r');
  });
});

describe('schedules', () => {
  it('then the hourly cron fires at the grace minute of every hour, and the daily one at HH:MM', () => {
    expect(hourlyCron(0)).toBe('cron(0 * * * ? *)');
    expect(hourlyCron(15)).toBe('cron(15 * * * ? *)');
    expect(() => hourlyCron(60)).toThrow();
    expect(dailyCron('06:00')).toBe('cron(0 6 * * ? *)');
    expect(dailyCron('23:59')).toBe('cron(59 23 * * ? *)');
    expect(() => dailyCron('24:00')).toThrow();
  });

  it('then the inputs carry the tenant and the scheduled time placeholder', () => {
    expect(JSON.parse(hourlyInput('acme'))).toEqual({ tenantId: 'acme', scheduledTime: '<aws.scheduler.scheduled-time>', hours: [] });
    expect(JSON.parse(dailyInput('acme'))).toEqual({ tenantId: 'acme', scheduledTime: '<aws.scheduler.scheduled-time>' });
  });
});

describe('severity filter policy', () => {
  it.each(SEVERITIES.map((s, i) => [s, SEVERITIES.slice(i)] as const))('given minimum %s, then it admits %j', (min, admitted) => {
    expect(severityFilterPolicy(min)).toEqual({ severity: admitted });
  });
});

describe('literal', () => {
  it('given tenant text with template sequences, then Terraform will take it literally', () => {
    expect(literal('a ${b} %{c} d')).toBe('a $${b} %%{c} d');
    expect(literal('plain')).toBe('plain');
  });

  it('given a JSON-like value, then every string in it, keys included, is taken literally', () => {
    expect(literalDeep({ 'a${b}': ['${c}', 1, null, { d: '%{e}' }] })).toEqual({ 'a$${b}': ['$${c}', 1, null, { d: '%%{e}' }] });
  });
});

describe('HCL formatting (terraform fmt)', () => {
  it('given a whole-value interpolation, then it is unwrapped', () => {
    expect(unwrapInterpolation('"${aws_x.y.arn}"')).toBe('aws_x.y.arn');
    expect(unwrapInterpolation('"${jsonencode({"a" = "${b}", "c" = "}"})}"')).toBe('jsonencode({"a" = "${b}", "c" = "}"})');
  });

  it('given literal text or two interpolations, then it is left alone', () => {
    expect(unwrapInterpolation('"arn:${aws_x.y.arn}"')).toBeUndefined();
    expect(unwrapInterpolation('"${a}${b}"')).toBeUndefined();
    expect(unwrapInterpolation('"${a}:*"')).toBeUndefined();
    expect(unwrapInterpolation('"plain"')).toBeUndefined();
    expect(unwrapInterpolation('"$${escaped}"')).toBeUndefined();
  });

  it('given interpolations inside lists and maps, then only whole attribute values are unwrapped', () => {
    const src = ['resource "a" "b" {', 'x = "${a.b.c}"', 'l = [', '"${a.b.c}",', ']', 'm = {', 'K = "${a.b.c}"', '}', 'blk {', 'y = "${d.e.f}"', '}', '}'].join('\n');
    expect(unwrapInterpolations(src)).toBe(['resource "a" "b" {', 'x = a.b.c', 'l = [', '"${a.b.c}",', ']', 'm = {', 'K = "${a.b.c}"', '}', 'blk {', 'y = d.e.f', '}', '}'].join('\n'));
  });

  it('given quoted depends_on references, then they become references', () => {
    expect(unquoteDependsOn('resource "a" "b" {\ndepends_on = [\n"aws_x.y",\n]\nz = ["aws_x.y"]\n}')).toBe('resource "a" "b" {\ndepends_on = [\naws_x.y,\n]\nz = ["aws_x.y"]\n}');
  });

  it('given cdktf HCL, then it is indented, aligned and ends with one newline', async () => {
    expect(await formatHcl('resource "a" "b" {\nx = "${a.b.c}"\nlonger = 1\n}')).toBe('resource "a" "b" {\n  x      = a.b.c\n  longer = 1\n}\n');
  });
});

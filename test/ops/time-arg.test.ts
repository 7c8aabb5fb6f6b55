import { parseTimeArg, parseWindow } from '../../src/ops/time-arg';

describe('command-line times', () => {
  it.each([
    ['2026-11-02', '2026-11-02T00:00:00.000Z'],
    ['2026-11-02T09', '2026-11-02T09:00:00.000Z'],
    ['2026-11-02T09:30', '2026-11-02T09:30:00.000Z'],
    ['2026-11-02T09:30:15.250Z', '2026-11-02T09:30:15.250Z'],
    ['2026-11-02T09:30:00+02:00', '2026-11-02T07:30:00.000Z'],
  ])('given %s, when read, then it is %s (UTC unless a zone is given)', (value, iso) => {
    expect(new Date(parseTimeArg('--from', value)).toISOString()).toBe(iso);
  });

  it.each(['1', 'Nov 2', '2026-11-02 09:00', '11/02/2026', '2026-02-30', '2026-11-02T25', ''])('given the ambiguous or impossible %j, when read, then it is refused, naming the flag and the accepted forms', (value) => {
    expect(() => parseTimeArg('--from', value)).toThrow(/^--from .*ISO-8601/);
  });

  it('given a window that ends before it starts, when read, then it is refused', () => {
    expect(() => parseWindow('2026-11-02T10', '2026-11-02T09')).toThrow(/--to "2026-11-02T09": not after --from/);
  });
});

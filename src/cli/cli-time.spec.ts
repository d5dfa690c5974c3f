import { formatZoned } from './cli-time.js';

describe('formatZoned', () => {
  it('names the zone and its offset, in winter and in summer', () => {
    expect(formatZoned(new Date('2031-01-01T17:00:00Z'), 'Europe/Amsterdam')).toBe(
      '2031-01-01 18:00:00 Europe/Amsterdam (GMT+1)',
    );
    expect(formatZoned('2031-07-01T17:00:00.000Z', 'Europe/Amsterdam')).toBe(
      '2031-07-01 19:00:00 Europe/Amsterdam (GMT+2)',
    );
  });
  it('follows the configured zone', () => {
    expect(formatZoned(new Date('2031-01-01T17:00:00Z'), 'UTC')).toBe(
      '2031-01-01 17:00:00 UTC (GMT+0)',
    );
  });
});

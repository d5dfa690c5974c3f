import { daysInclusive, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-01'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-1-5',
    '05-01-2026',
    '2026-01-01T00:00:00Z',
    '',
    20260101,
  ])('refuses %s', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
  it('counts days with both ends included, across DST changes', () => {
    expect(daysInclusive('2026-03-29', '2026-03-29')).toBe(1);
    expect(daysInclusive('2026-03-23', '2026-03-29')).toBe(7);
    expect(daysInclusive('2026-10-19', '2026-10-25')).toBe(7);
  });
});

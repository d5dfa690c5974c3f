import { isStartFarEnough, parseRfc3339, readInstant } from './maintenance.rules.js';

const now = new Date('2030-01-05T12:00:00.000Z');
const plus = (ms: number) => new Date(now.getTime() + ms);

describe('R2: the start is at least 10 minutes ahead, with no upper limit', () => {
  it('refuses 9:59 ahead', () => {
    expect(isStartFarEnough(plus(9 * 60_000 + 59_000), now)).toBe(false);
  });
  it('refuses 1 ms short of 10:00', () => {
    expect(isStartFarEnough(plus(10 * 60_000 - 1), now)).toBe(false);
  });
  it('accepts exactly 10:00 ahead', () => {
    expect(isStartFarEnough(plus(10 * 60_000), now)).toBe(true);
  });
  it('accepts a year ahead', () => {
    expect(isStartFarEnough(plus(365 * 24 * 3_600_000), now)).toBe(true);
  });
  it('refuses the past', () => {
    expect(isStartFarEnough(plus(-60_000), now)).toBe(false);
  });
});

describe('parseRfc3339', () => {
  it.each([
    ['2030-01-05T18:00:00+01:00', '2030-01-05T17:00:00.000Z'],
    ['2030-01-05T17:00:00Z', '2030-01-05T17:00:00.000Z'],
    ['2030-01-05T17:00:00.250z', '2030-01-05T17:00:00.250Z'],
    ['2030-07-05T19:00-05:30', '2030-07-06T00:30:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseRfc3339(input)?.toISOString()).toBe(iso);
  });

  it.each([
    ['no offset', '2030-01-05T18:00:00'],
    ['date only', '2030-01-05'],
    ['garbage', 'next tuesday'],
    ['impossible date', '2030-02-30T10:00:00Z'],
    ['hour 24', '2030-01-05T24:00:00Z'],
    ['space separator', '2030-01-05 18:00:00Z'],
    ['empty', ''],
  ])('refuses %s', (_label, input) => {
    expect(parseRfc3339(input)).toBeNull();
  });
});

describe('readInstant: UTC years 1970–9999 only, so every returned instant reads back', () => {
  it.each([
    ['the first instant', '1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['an offset that lands in 1970', '1969-12-31T23:30:00-01:00', '1970-01-01T00:30:00.000Z'],
    ['the last millisecond', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['an offset that stays in 9999', '9999-12-31T23:00:00-00:59', '9999-12-31T23:59:00.000Z'],
  ])('accepts %s', (_label, input, iso) => {
    const instant = readInstant(input);
    expect(instant).toBeInstanceOf(Date);
    expect((instant as Date).toISOString()).toBe(iso);
    // What the API returns is read back as the same instant.
    expect(readInstant(iso)).toEqual(instant);
  });

  it.each([
    ['1969 in UTC', '1969-12-31T23:59:59.999Z'],
    ['1970 locally, 1969 in UTC', '1970-01-01T00:30:00+01:00'],
    ['10000 in UTC', '9999-12-31T23:30:00-01:00'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 99 (not 1999)', '0099-06-01T00:00:00Z'],
  ])('refuses %s as out of range', (_label, input) => {
    expect(readInstant(input)).toBe('range');
    expect(parseRfc3339(input)).toBeNull();
  });

  it.each([
    ['an offset beyond 23:59', '2030-01-05T18:00:00+24:00'],
    ['offset minutes beyond 59', '2030-01-05T18:00:00+01:60'],
    ['a leap second', '2030-06-30T23:59:60Z'],
  ])('refuses %s as a format problem', (_label, input) => {
    expect(readInstant(input)).toBe('format');
  });

  it('keeps nanoseconds down to whole milliseconds', () => {
    expect((readInstant('2030-01-05T17:00:00.123456789Z') as Date).toISOString()).toBe(
      '2030-01-05T17:00:00.123Z',
    );
  });
});

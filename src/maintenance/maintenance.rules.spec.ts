import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateMaintenanceSettingsDto } from './maintenance.dto.js';
import { isStartFarEnough, parseRfc3339 } from './maintenance.rules.js';

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

describe('UpdateMaintenanceSettingsDto', () => {
  const errorsOf = (body: Record<string, unknown>) =>
    validateSync(plainToInstance(UpdateMaintenanceSettingsDto, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
    }).map((error) => error.property);

  it('accepts a complete body', () => {
    expect(
      errorsOf({
        enabled: true,
        startsAt: '2030-01-05T18:00:00+01:00',
        expectedEndAt: '2030-01-05T23:00:00+01:00',
        message: 'Year-end closing',
        version: 0,
      }),
    ).toEqual([]);
  });

  it('refuses a start without an offset, garbage, and a wrong end', () => {
    expect(errorsOf({ enabled: true, startsAt: '2030-01-05T18:00:00', version: 0 })).toEqual([
      'startsAt',
    ]);
    expect(errorsOf({ enabled: true, startsAt: 'soon', version: 0 })).toEqual(['startsAt']);
    expect(errorsOf({ enabled: true, startsAt: 42, version: 0 })).toEqual(['startsAt']);
    expect(errorsOf({ enabled: true, expectedEndAt: 'later', version: 0 })).toEqual([
      'expectedEndAt',
    ]);
  });

  it('caps the message at 500 characters', () => {
    expect(errorsOf({ enabled: true, message: 'x'.repeat(500), version: 0 })).toEqual([]);
    expect(errorsOf({ enabled: true, message: 'x'.repeat(501), version: 0 })).toEqual(['message']);
  });

  it('requires enabled and a non-negative integer version, and refuses unknown fields', () => {
    expect(errorsOf({ version: 0 })).toEqual(['enabled']);
    expect(errorsOf({ enabled: false })).toEqual(['version']);
    expect(errorsOf({ enabled: false, version: -1 })).toEqual(['version']);
    expect(errorsOf({ enabled: false, version: 1.5 })).toEqual(['version']);
    expect(errorsOf({ enabled: false, version: 0, state: 'active' })).toEqual(['state']);
  });
});

import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateMaintenanceSettingsDto } from './maintenance.dto.js';

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

  it('names the field and the year range for an instant outside 1970–9999', () => {
    const errors = validateSync(
      plainToInstance(UpdateMaintenanceSettingsDto, {
        enabled: true,
        startsAt: '10000-01-01T00:00:00Z',
        expectedEndAt: '9999-12-31T23:30:00-01:00',
        version: 0,
      }),
    );
    expect(errors.map((error) => [error.property, Object.values(error.constraints ?? {})])).toEqual(
      [
        ['startsAt', [expect.stringMatching(/RFC 3339/)]],
        ['expectedEndAt', ['must fall in the UTC years 1970 to 9999']],
      ],
    );
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

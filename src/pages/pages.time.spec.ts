import { formatInstant, fromLocalInput, toLocalInput } from './pages.time.js';
import { settingsBody } from './pages.settings.controller.js';

const ZONE = 'Europe/Amsterdam';

describe('platform time zone', () => {
  it('reads a typed local time with the offset of that day (DST)', () => {
    expect(fromLocalInput('2027-01-15T14:00', ZONE)).toBe('2027-01-15T14:00:00+01:00');
    expect(fromLocalInput('2027-07-01T14:00', ZONE)).toBe('2027-07-01T14:00:00+02:00');
    // The last hour of summer time and the first of winter time, on either side of the change.
    expect(fromLocalInput('2027-10-31T01:30', ZONE)).toBe('2027-10-31T01:30:00+02:00');
    expect(fromLocalInput('2027-10-31T03:30', ZONE)).toBe('2027-10-31T03:30:00+01:00');
  });

  it('refuses what is not a complete local date-time', () => {
    expect(fromLocalInput('2027-07-01', ZONE)).toBeUndefined();
    expect(fromLocalInput('tomorrow', ZONE)).toBeUndefined();
    expect(fromLocalInput('2027-07-01T14:00Z', ZONE)).toBeUndefined();
  });

  it('shows an instant as the wall-clock time in the zone', () => {
    expect(toLocalInput(new Date('2027-07-01T12:00:00Z'), ZONE)).toBe('2027-07-01T14:00');
    expect(toLocalInput(new Date('2027-01-15T13:00:00Z'), ZONE)).toBe('2027-01-15T14:00');
    expect(formatInstant(new Date('2027-01-15T13:00:00Z'), ZONE, 'nl')).toBe(
      'vrijdag 15 januari 2027, 14:00 (GMT+1)',
    );
  });
});

describe('settings form → API body', () => {
  const current = { startsAt: '2027-01-15T13:00:00.000Z', expectedEndAt: null };

  it('turns off with only the version', () => {
    expect(settingsBody({ version: '3' }, current, ZONE)).toEqual({ enabled: false, version: 3 });
  });

  it('leaves out a start that was left as shown, so it is not moved', () => {
    const body = settingsBody(
      { enabled: 'on', version: '3', startsAt: '2027-01-15T14:00', message: ' Hi ' },
      current,
      ZONE,
    );
    expect(body).toEqual({
      enabled: true,
      version: 3,
      message: 'Hi',
      expectedEndAt: null,
      announce: false,
    });
  });

  it('sends the announce checkbox as a boolean', () => {
    const body = settingsBody({ enabled: 'on', version: '3', announce: 'on' }, current, ZONE);
    expect(body).toMatchObject({ enabled: true, announce: true });
  });

  it('sends a changed start and end with the zone offset', () => {
    const body = settingsBody(
      {
        enabled: 'on',
        version: '3',
        startsAt: '2027-07-01T14:00',
        expectedEndAt: '2027-07-01T20:00',
        message: '',
      },
      current,
      ZONE,
    );
    expect(body).toMatchObject({
      startsAt: '2027-07-01T14:00:00+02:00',
      expectedEndAt: '2027-07-01T20:00:00+02:00',
    });
  });
});

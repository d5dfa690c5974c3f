import {
  describeMaintenanceStatus,
  type MaintenanceStatusJson,
} from './maintenance-status.text.js';

const ZONE = 'Europe/Amsterdam';
const now = new Date('2030-12-31T12:00:00Z');
const off: MaintenanceStatusJson = {
  state: 'off',
  startsAt: null,
  expectedEndAt: null,
  message: null,
  secondsUntilStart: null,
  activeSince: null,
  version: 3,
};

describe('describeMaintenanceStatus', () => {
  it('off: one line', () => {
    expect(describeMaintenanceStatus(off, now, ZONE)).toEqual(['Maintenance is off.']);
  });

  it('scheduled: the start in the platform zone, the time left, the expected end and the message', () => {
    const lines = describeMaintenanceStatus(
      {
        ...off,
        state: 'scheduled',
        startsAt: '2031-01-01T17:00:00.000Z',
        expectedEndAt: '2031-01-01T23:00:00.000Z',
        message: 'Year-end closing',
        secondsUntilStart: 29 * 3600 + 5,
      },
      now,
      ZONE,
    );
    expect(lines).toEqual([
      'Maintenance is scheduled: starts Wednesday 1 January 2031, 18:00 (GMT+1) (in 1 d 05:00:05); expected end Thursday 2 January 2031, 00:00 (GMT+1) (in 1 d 11:00:00).',
      'Message: Year-end closing',
    ]);
  });

  it('active: since when, without an expected end', () => {
    const lines = describeMaintenanceStatus(
      {
        ...off,
        state: 'active',
        startsAt: '2030-12-31T11:00:00.000Z',
        activeSince: '2030-12-31T11:00:00.000Z',
        secondsUntilStart: 0,
      },
      now,
      ZONE,
    );
    expect(lines).toEqual([
      'Maintenance is ACTIVE since Tuesday 31 December 2030, 12:00 (GMT+1): regular users are locked out; no expected end.',
    ]);
  });
});

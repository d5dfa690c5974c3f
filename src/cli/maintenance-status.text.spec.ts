import {
  describeMaintenanceStatus,
  type MaintenanceStatusJson,
} from './maintenance-status.text.js';

const CONTEXT = { zone: 'Europe/Amsterdam', activeWarningHours: 8 };
const CLOCK = "the database's clock (PostgreSQL clock_timestamp())";
const NOW_LINE = `Now: 2030-12-31 13:00:00 Europe/Amsterdam (GMT+1), by ${CLOCK}.`;
const off: MaintenanceStatusJson = {
  state: 'off',
  startsAt: null,
  expectedEndAt: null,
  message: null,
  secondsUntilStart: null,
  activeSince: null,
  activeTooLong: false,
  version: 3,
  now: '2030-12-31T12:00:00.000Z',
  clock: CLOCK,
};

describe('describeMaintenanceStatus', () => {
  it('off: the state, then the instant and the clock it was decided by', () => {
    expect(describeMaintenanceStatus(off, CONTEXT)).toEqual(['Maintenance is off.', NOW_LINE]);
  });

  it('scheduled: the start in the named platform zone, the time left, the expected end and the message', () => {
    const lines = describeMaintenanceStatus(
      {
        ...off,
        state: 'scheduled',
        startsAt: '2031-01-01T17:00:00.000Z',
        expectedEndAt: '2031-01-01T23:00:00.000Z',
        message: 'Year-end closing',
        secondsUntilStart: 29 * 3600 + 5,
      },
      CONTEXT,
    );
    expect(lines).toEqual([
      'Maintenance is scheduled: starts 2031-01-01 18:00:00 Europe/Amsterdam (GMT+1) (in 1 d 05:00:05); expected end 2031-01-02 00:00:00 Europe/Amsterdam (GMT+1) (in 1 d 11:00:00).',
      'Message: Year-end closing',
      NOW_LINE,
    ]);
  });

  it('active too long: since when, without an expected end, and the warning', () => {
    const lines = describeMaintenanceStatus(
      {
        ...off,
        state: 'active',
        startsAt: '2030-12-31T01:00:00.000Z',
        activeSince: '2030-12-31T01:00:00.000Z',
        secondsUntilStart: 0,
        activeTooLong: true,
      },
      CONTEXT,
    );
    expect(lines).toEqual([
      'Maintenance is ACTIVE since 2030-12-31 02:00:00 Europe/Amsterdam (GMT+1): regular users are locked out; no expected end.',
      'Warning: active for more than 8 hours. Was turning it off forgotten?',
      NOW_LINE,
    ]);
  });

  it('a message with control characters is shown escaped, on one line', () => {
    const lines = describeMaintenanceStatus(
      {
        ...off,
        state: 'scheduled',
        startsAt: off.now,
        secondsUntilStart: 0,
        message: 'a\nb\u001b[2J',
      },
      CONTEXT,
    );
    expect(lines).toContain('Message: a\\nb\\u001b[2J');
  });
});

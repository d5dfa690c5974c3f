import {
  activeHours,
  countdownHeaders,
  isActiveTooLong,
  isWarningDue,
  maintenanceState,
  retryAfterSeconds,
  secondsUntil,
} from './maintenance.state.js';

const start = new Date('2030-01-05T17:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('maintenanceState', () => {
  it('is off without an open window', () => {
    expect(maintenanceState(null, start)).toBe('off');
  });

  it('is scheduled 1 ms before the start', () => {
    expect(maintenanceState({ startsAt: start }, at(-1))).toBe('scheduled');
  });

  it('is active exactly at the start instant', () => {
    expect(maintenanceState({ startsAt: start }, at(0))).toBe('active');
  });

  it('stays active however long it lasts (no automatic end, R4)', () => {
    expect(maintenanceState({ startsAt: start }, at(365 * 24 * 3_600_000))).toBe('active');
  });
});

describe('secondsUntil', () => {
  it('counts whole seconds up, and is 0 from the start on', () => {
    expect(secondsUntil(start, at(-1))).toBe(1);
    expect(secondsUntil(start, at(-1000))).toBe(1);
    expect(secondsUntil(start, at(-1001))).toBe(2);
    expect(secondsUntil(start, at(0))).toBe(0);
    expect(secondsUntil(start, at(5000))).toBe(0);
  });
});

describe('countdownHeaders (R11): the one place the headers are computed', () => {
  it('sends none without an open window', () => {
    expect(countdownHeaders(null, start)).toEqual({});
  });

  it('sends the start in RFC 3339 UTC and whole seconds up to it, 0 from the start on', () => {
    expect(countdownHeaders({ startsAt: start }, at(-90_500))).toEqual({
      'Maintenance-Starts-At': '2030-01-05T17:00:00.000Z',
      'Maintenance-Countdown': '91',
    });
    expect(countdownHeaders({ startsAt: start }, at(3_600_000))).toEqual({
      'Maintenance-Starts-At': '2030-01-05T17:00:00.000Z',
      'Maintenance-Countdown': '0',
    });
  });
});

describe('retryAfterSeconds (R17)', () => {
  it('counts whole seconds down to the expected end', () => {
    expect(retryAfterSeconds({ expectedEndAt: at(7_200_000) }, at(0), 3600)).toBe(7200);
    expect(retryAfterSeconds({ expectedEndAt: at(1) }, at(0), 3600)).toBe(1);
  });

  it('falls back to the default without an end, or once the end has passed', () => {
    expect(retryAfterSeconds({ expectedEndAt: null }, at(0), 3600)).toBe(3600);
    expect(retryAfterSeconds({ expectedEndAt: at(0) }, at(0), 120)).toBe(120);
    expect(retryAfterSeconds({ expectedEndAt: at(-1000) }, at(0), 120)).toBe(120);
  });
});

describe('the too-long warning', () => {
  const HOUR = 3_600_000;

  it('is due only while active for more than the configured hours', () => {
    expect(isActiveTooLong(null, at(100 * HOUR), 8)).toBe(false);
    expect(isActiveTooLong({ startsAt: start }, at(-1), 0)).toBe(false);
    expect(isActiveTooLong({ startsAt: start }, at(8 * HOUR), 8)).toBe(false);
    expect(isActiveTooLong({ startsAt: start }, at(8 * HOUR + 1), 8)).toBe(true);
    expect(activeHours({ startsAt: start }, at(8 * HOUR + 1))).toBe(8);
  });

  it('repeats once an hour has passed since the last one', () => {
    expect(isWarningDue(undefined, at(0))).toBe(true);
    expect(isWarningDue(at(0).getTime(), at(HOUR - 1))).toBe(false);
    expect(isWarningDue(at(0).getTime(), at(HOUR))).toBe(true);
  });
});

import { maintenanceState, secondsUntil } from './maintenance.state.js';

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

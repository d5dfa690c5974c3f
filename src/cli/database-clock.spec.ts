import { AdjustableClock } from '../common/clock.js';
import { DatabaseClock } from './database-clock.js';

describe('DatabaseClock', () => {
  it("follows this host's clock, and says so, until the database's is adopted", () => {
    const host = new AdjustableClock();
    const clock = new DatabaseClock(host);
    expect(Math.abs(clock.now().getTime() - host.now().getTime())).toBeLessThan(50);
    expect(clock.source).toMatch(/this host's clock/);
  });

  it("follows the database's clock once adopted, however far off this host's is", () => {
    const host = new AdjustableClock();
    host.advance(-3_600_000);
    const clock = new DatabaseClock(host);
    const databaseNow = new Date();
    clock.adopt(databaseNow, "the database's clock");
    expect(Math.abs(clock.now().getTime() - databaseNow.getTime())).toBeLessThan(1000);
    expect(clock.source).toBe("the database's clock");
    host.advance(5000);
    expect(Math.abs(clock.now().getTime() - databaseNow.getTime() - 5000)).toBeLessThan(1000);
  });
});

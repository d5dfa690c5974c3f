import { AdjustableClock } from '../common/clock.js';
import { loadAppConfig } from '../config/app-config.js';
import { InMemorySlidingWindowStore } from '../common/sliding-window.js';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  const config = loadAppConfig({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '2',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
    LOGIN_FAILURE_WINDOW_MINUTES: '10',
  });
  let clock: AdjustableClock;
  let throttle: LoginThrottle;

  beforeEach(() => {
    clock = new AdjustableClock();
    clock.set(new Date('2026-12-31T12:00:00Z'));
    throttle = new LoginThrottle(new InMemorySlidingWindowStore(), clock, config);
  });

  it('allows attempts below the per-account limit and blocks at it, case-insensitively', () => {
    throttle.recordFailure('A@x.test', '1.1.1.1');
    expect(throttle.retryAfterSeconds('a@x.test', '2.2.2.2')).toBe(0);
    throttle.recordFailure('a@x.test', '2.2.2.2');
    expect(throttle.retryAfterSeconds('a@x.TEST', '3.3.3.3')).toBeGreaterThan(0);
  });

  it('waits until the oldest counted failure leaves the window', () => {
    throttle.recordFailure('a@x.test', '1.1.1.1');
    clock.advance(4 * 60_000);
    throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(throttle.retryAfterSeconds('a@x.test', '1.1.1.1')).toBe(6 * 60);
    clock.advance(6 * 60_000);
    expect(throttle.retryAfterSeconds('a@x.test', '1.1.1.1')).toBe(0);
  });

  it('blocks an address after failures across accounts', () => {
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test'])
      throttle.recordFailure(email, '9.9.9.9');
    expect(throttle.retryAfterSeconds('d@x.test', '9.9.9.9')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('d@x.test', '8.8.8.8')).toBe(0);
  });

  it('forgets an account’s failures after a successful login', () => {
    throttle.recordFailure('a@x.test', '1.1.1.1');
    throttle.recordSuccess('a@x.test');
    throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(throttle.retryAfterSeconds('a@x.test', '4.4.4.4')).toBe(0);
  });
});

import { AdjustableClock } from '../common/clock.js';
import { DependencyUnavailable } from '../common/dependency-failure.js';
import { loadAppConfig } from '../config/app-config.js';
import {
  counterRecord,
  RateLimitStorage,
  type CounterRecord,
} from '../common/rate-limit/rate-limit.storage.js';
import { failureCounters, LoginThrottle } from './login-throttle.js';

/** Counters in a map; the window never ends within a test. */
class MapStorage extends RateLimitStorage {
  readonly hits = new Map<string, number>();
  increment(key: string, windowMs: number, limit: number): Promise<CounterRecord> {
    const hits = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, hits);
    return Promise.resolve(counterRecord(hits, limit, windowMs, 0));
  }
  release(key: string): Promise<void> {
    this.hits.set(key, Math.max(0, (this.hits.get(key) ?? 0) - 1));
    return Promise.resolve();
  }
}

const config = loadAppConfig({
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '2',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
  LOGIN_FAILURE_WINDOW_MINUTES: '10',
});

describe('failureCounters', () => {
  it('counts a login per account and address, per address, and per account (case-insensitive)', () => {
    expect(failureCounters('login', '10.0.0.1', 'A@X.test', config)).toEqual([
      { key: 'login:account-address:a@x.test|10.0.0.1', limit: 2 },
      { key: 'login:address:10.0.0.1', limit: 3 },
      { key: 'login:account:a@x.test', limit: 4 },
    ]);
  });

  it('counts a login from a trusted device against that device only', () => {
    expect(failureCounters('login', '10.0.0.1', 'A@X.test', config, 'dev1')).toEqual([
      { key: 'login:device:a@x.test|dev1', limit: 2 },
    ]);
  });

  it('counts an activation per address', () => {
    expect(failureCounters('activation', '10.0.0.1', '', config)).toEqual([
      { key: 'activation:address:10.0.0.1', limit: 3 },
    ]);
  });
});

describe('LoginThrottle', () => {
  let storage: MapStorage;
  let throttle: LoginThrottle;
  beforeEach(() => {
    storage = new MapStorage();
    throttle = new LoginThrottle(storage, config, new AdjustableClock());
  });

  it('refuses the attempt past a limit with 429 and Retry-After, handing back every slot it took', async () => {
    await throttle.reserve('login', '10.0.0.1', 'a@x.test');
    await throttle.reserve('login', '10.0.0.1', 'a@x.test');
    await expect(throttle.reserve('login', '10.0.0.1', 'a@x.test')).rejects.toMatchObject({
      status: 429,
      headers: { 'Retry-After': '600' },
    });
    expect(storage.hits.get('login:account-address:a@x.test|10.0.0.1')).toBe(2);
    expect(storage.hits.get('login:address:10.0.0.1')).toBe(2);
  });

  it('lets another address try the same account', async () => {
    await throttle.reserve('login', '10.0.0.1', 'a@x.test');
    await throttle.reserve('login', '10.0.0.1', 'a@x.test');
    await expect(throttle.reserve('login', '10.0.0.2', 'a@x.test')).resolves.toBeDefined();
  });

  it('stops the account everywhere at its ceiling', async () => {
    for (const address of ['1', '2', '3', '4'])
      await throttle.reserve('login', address, 'a@x.test');
    await expect(throttle.reserve('login', '5', 'a@x.test')).rejects.toMatchObject({ status: 429 });
    expect(storage.hits.get('login:address:5')).toBe(0);
  });

  it('frees the slots of an attempt that did not fail', async () => {
    const reservation = await throttle.reserve('login', '10.0.0.1', 'a@x.test');
    await throttle.release(reservation);
    expect([...storage.hits.values()]).toEqual([0, 0, 0]);
  });

  it('while the shared store is down: a login is counted in this process (degraded) and still limited; an activation fails', async () => {
    const down = new (class extends MapStorage {
      override increment(): Promise<CounterRecord> {
        return Promise.reject(new DependencyUnavailable('redis'));
      }
    })();
    const degraded = new LoginThrottle(down, config, new AdjustableClock());
    const first = await degraded.reserve('login', '10.0.0.1', 'a@x.test');
    expect(first.degraded).toBe(true);
    await degraded.reserve('login', '10.0.0.1', 'a@x.test');
    await expect(degraded.reserve('login', '10.0.0.1', 'a@x.test')).rejects.toMatchObject({
      status: 429,
    });
    await degraded.release(first);
    await expect(degraded.reserve('login', '10.0.0.1', 'a@x.test')).resolves.toBeDefined();
    await expect(degraded.reserve('activation', '10.0.0.1')).rejects.toBeInstanceOf(
      DependencyUnavailable,
    );
    expect((await throttle.reserve('login', '10.0.0.1', 'a@x.test')).degraded).toBe(false);
  });
});

import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DependencyUnavailable } from '../dependency-failure.js';
import type { Clock } from '../clock.js';
import { counterRecord, RateLimitStorage, type CounterRecord } from './rate-limit.storage.js';

/**
 * One Lua script per hit, so the read-reset-increment is atomic on the Redis server. The window
 * follows the app's clock (passed in), not Redis's; PEXPIRE only lets Redis drop dead keys.
 */
const INCREMENT = `
local hits = tonumber(redis.call('HGET', KEYS[1], 'hits') or '0')
local expires = tonumber(redis.call('HGET', KEYS[1], 'expires') or '0')
local now = tonumber(ARGV[1])
if expires <= now then
  hits = 0
  expires = now + tonumber(ARGV[2])
end
hits = hits + 1
redis.call('HSET', KEYS[1], 'hits', hits, 'expires', expires)
redis.call('PEXPIRE', KEYS[1], math.max(1, expires - now))
return {hits, expires}
`;

const RELEASE = `
local hits = tonumber(redis.call('HGET', KEYS[1], 'hits') or '0')
local expires = tonumber(redis.call('HGET', KEYS[1], 'expires') or '0')
if hits > 0 and expires > tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'hits', hits - 1)
end
return 0
`;

/** How long the start waits for Redis before going on without it (readiness then says so). */
const BOOT_WAIT_MS = 2_000;

/**
 * Counters in Redis (REDIS_URL), under REDIS_KEY_PREFIX. Fail fast: while Redis is unreachable a
 * command fails at once (no offline queue, no retry on the request path, a command timeout for a
 * Redis that hangs) and the caller answers 503; ioredis keeps reconnecting in the background
 * (capped pause), so recovery needs no restart. Each change between up and down is logged once.
 */
export class RedisRateLimitStorage
  extends RateLimitStorage
  implements OnApplicationBootstrap, OnModuleDestroy
{
  override readonly dependency = 'redis';
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private up: boolean | undefined;

  constructor(
    url: string,
    private readonly keyPrefix: string,
    private readonly clock: Clock,
  ) {
    super();
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    });
    this.redis.on('ready', () => this.changed(true));
    this.redis.on('error', (error: Error) => this.changed(false, error));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done).off('error', done);
        resolve();
      };
      const timer = setTimeout(done, BOOT_WAIT_MS);
      this.redis.once('ready', done).once('error', done);
    });
  }

  override async ping(): Promise<void> {
    await this.command(() => this.redis.ping());
  }

  async increment(key: string, windowMs: number, limit: number): Promise<CounterRecord> {
    const now = this.clock.now().getTime();
    const [hits, expires] = (await this.command(() =>
      this.redis.eval(INCREMENT, 1, this.keyPrefix + key, now, windowMs),
    )) as [number, number];
    return counterRecord(hits, limit, expires, now);
  }

  async release(key: string): Promise<void> {
    await this.command(() =>
      this.redis.eval(RELEASE, 1, this.keyPrefix + key, this.clock.now().getTime()),
    );
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private async command<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new DependencyUnavailable(this.dependency, { cause: error });
    }
  }

  private changed(up: boolean, error?: Error): void {
    // One line per change, not one per reconnection attempt.
    if (this.up === up) return;
    this.up = up;
    if (up) this.logger.log({ event: 'rate-limit-store-up', dependency: this.dependency });
    else
      this.logger.warn({
        event: 'rate-limit-store-down',
        dependency: this.dependency,
        reason: error?.message ?? 'connection closed',
      });
  }
}

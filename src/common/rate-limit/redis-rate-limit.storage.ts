import type { OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
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

/** Counters in Redis (REDIS_URL), under REDIS_KEY_PREFIX. */
export class RedisRateLimitStorage extends RateLimitStorage implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly keyPrefix: string,
    private readonly clock: Clock,
  ) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }

  async increment(key: string, windowMs: number, limit: number): Promise<CounterRecord> {
    const now = this.clock.now().getTime();
    const [hits, expires] = (await this.redis.eval(
      INCREMENT,
      1,
      this.keyPrefix + key,
      now,
      windowMs,
    )) as [number, number];
    return counterRecord(hits, limit, expires, now);
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.keyPrefix + key, this.clock.now().getTime());
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit();
  }
}

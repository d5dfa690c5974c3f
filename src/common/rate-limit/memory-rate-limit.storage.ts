import type { Clock } from '../clock.js';
import { counterRecord, RateLimitStorage, type CounterRecord } from './rate-limit.storage.js';

/**
 * Counters in this process only: the login's stand-in while the shared store is down (each
 * instance then counts alone, which still bounds guessing). Expired counters are dropped as they
 * are met and whenever the map grows past `maxKeys`, so an attacker cannot grow it without bound.
 */
export class MemoryRateLimitStorage extends RateLimitStorage {
  private readonly counters = new Map<string, { hits: number; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxKeys = 10_000,
  ) {
    super();
  }

  increment(key: string, windowMs: number, limit: number): Promise<CounterRecord> {
    const now = this.clock.now().getTime();
    let counter = this.counters.get(key);
    if (!counter || counter.expiresAt <= now) {
      if (this.counters.size >= this.maxKeys) this.sweep(now);
      counter = { hits: 0, expiresAt: now + windowMs };
      this.counters.set(key, counter);
    }
    counter.hits += 1;
    return Promise.resolve(counterRecord(counter.hits, limit, counter.expiresAt, now));
  }

  release(key: string): Promise<void> {
    const counter = this.counters.get(key);
    if (counter && counter.hits > 0 && counter.expiresAt > this.clock.now().getTime())
      counter.hits -= 1;
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.counters)
      if (counter.expiresAt <= now) this.counters.delete(key);
    // Still full of live counters: the oldest go first (a Map iterates in insertion order).
    for (const key of this.counters.keys()) {
      if (this.counters.size < this.maxKeys) break;
      this.counters.delete(key);
    }
  }
}

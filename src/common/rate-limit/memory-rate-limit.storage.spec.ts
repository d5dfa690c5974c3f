import { AdjustableClock } from '../clock.js';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage.js';

describe('MemoryRateLimitStorage', () => {
  it('counts per key in a fixed window, takes hits back, and starts over after the window', async () => {
    const clock = new AdjustableClock();
    const storage = new MemoryRateLimitStorage(clock);
    expect((await storage.increment('k', 1000, 2)).isBlocked).toBe(false);
    expect((await storage.increment('k', 1000, 2)).isBlocked).toBe(false);
    expect(await storage.increment('k', 1000, 2)).toMatchObject({ hits: 3, isBlocked: true });
    await storage.release('k');
    expect((await storage.increment('k', 1000, 2)).hits).toBe(3);
    expect((await storage.increment('other', 1000, 2)).hits).toBe(1);
    clock.advance(1001);
    expect((await storage.increment('k', 1000, 2)).hits).toBe(1);
  });

  it('never holds more than maxKeys counters', async () => {
    const storage = new MemoryRateLimitStorage(new AdjustableClock(), 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await storage.increment(key, 60_000, 5);
    // The oldest went first: "a" starts over.
    expect((await storage.increment('e', 60_000, 5)).hits).toBe(2);
    expect((await storage.increment('a', 60_000, 5)).hits).toBe(1);
  });
});

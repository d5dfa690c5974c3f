import { InMemorySlidingWindowStore, waitMs } from './sliding-window.js';

describe('InMemorySlidingWindowStore', () => {
  it('keeps only the attempts within the window, per key', () => {
    const store = new InMemorySlidingWindowStore();
    store.record('a', 1_000, 10_000);
    store.record('a', 5_000, 10_000);
    store.record('b', 5_000, 10_000);
    expect(store.recent('a', 11_000, 10_000)).toEqual([5_000]);
    expect(store.recent('b', 16_000, 10_000)).toEqual([]);
  });

  it('sweeps keys whose attempts have all expired once it holds many keys', () => {
    const store = new InMemorySlidingWindowStore();
    for (let i = 0; i < 9_999; i++) store.record(`old-${i}`, 0, 1_000);
    store.record('new', 5_000, 1_000);
    expect((store as unknown as { attempts: Map<string, number[]> }).attempts.size).toBe(1);
  });
});

describe('waitMs', () => {
  it('is 0 below the limit and otherwise lasts until the oldest counted attempt leaves the window', () => {
    expect(waitMs([1_000], 2, 10_000, 2_000)).toBe(0);
    expect(waitMs([1_000, 3_000], 2, 10_000, 4_000)).toBe(7_000);
    expect(waitMs([1_000, 3_000, 3_500], 2, 10_000, 4_000)).toBe(9_000);
  });
});

/** Where the instants (ms) of counted attempts are kept, per key, for a sliding-window limit. */
export abstract class SlidingWindowStore {
  /** Records an attempt and returns the attempts within the window, oldest first. */
  abstract record(key: string, nowMs: number, windowMs: number): number[];
  abstract recent(key: string, nowMs: number, windowMs: number): number[];
  abstract clear(key: string): void;
}

/** The default store: this instance's memory. Keys whose attempts all left the window are swept. */
export class InMemorySlidingWindowStore extends SlidingWindowStore {
  /** Sweeping every key costs a pass over the map, so it runs only once it has grown this much. */
  private static readonly SWEEP_AT_KEYS = 10_000;
  private readonly attempts = new Map<string, number[]>();

  record(key: string, nowMs: number, windowMs: number): number[] {
    const kept = [...this.recent(key, nowMs, windowMs), nowMs];
    this.attempts.set(key, kept);
    if (this.attempts.size >= InMemorySlidingWindowStore.SWEEP_AT_KEYS) this.sweep(nowMs, windowMs);
    return kept;
  }

  recent(key: string, nowMs: number, windowMs: number): number[] {
    const kept = (this.attempts.get(key) ?? []).filter((at) => at > nowMs - windowMs);
    if (kept.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, kept);
    return kept;
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }

  private sweep(nowMs: number, windowMs: number): void {
    for (const [key, instants] of this.attempts) {
      if (instants[instants.length - 1] <= nowMs - windowMs) this.attempts.delete(key);
    }
  }
}

/** How long until fewer than `limit` attempts are in the window (0 if that is already so). */
export function waitMs(recent: number[], limit: number, windowMs: number, nowMs: number): number {
  return recent.length < limit ? 0 : recent[recent.length - limit] + windowMs - nowMs;
}

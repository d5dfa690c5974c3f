/** One counter after a hit. */
export interface CounterRecord {
  /** Hits in the current window, this one included. */
  hits: number;
  /** More hits than the limit: the caller refuses the request. */
  isBlocked: boolean;
  /** Seconds until the window ends (at least 1), for Retry-After. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters that every instance shares (the database, or Redis when REDIS_URL is
 * set). Modelled on @nestjs/throttler's storage (`increment` answers the counter after an atomic
 * hit), plus `release`: a caller that reserved an attempt before doing the work (the login) hands
 * the slot back when the attempt turned out not to count.
 */
export abstract class RateLimitStorage {
  /** The service the counters live in when it is not the database (named by readiness), or none. */
  readonly dependency?: string;

  /** Resolves when that service answers now, rejects (at once) when it does not. */
  ping(): Promise<void> {
    return Promise.resolve();
  }

  abstract increment(key: string, windowMs: number, limit: number): Promise<CounterRecord>;

  /** Takes one hit back (never below zero); a key whose window has passed is left alone. */
  abstract release(key: string): Promise<void>;
}

/** The record for a counter that now holds `hits` and whose window ends at `expiresAtMs`. */
export function counterRecord(
  hits: number,
  limit: number,
  expiresAtMs: number,
  nowMs: number,
): CounterRecord {
  return {
    hits,
    isBlocked: hits > limit,
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAtMs - nowMs) / 1000)),
  };
}

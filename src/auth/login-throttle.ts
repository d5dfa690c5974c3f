import { Injectable } from '@nestjs/common';
import { tooManyRequestsProblem } from '../common/problem.js';
import { RateLimitStorage } from '../common/rate-limit/rate-limit.storage.js';
import { AppConfig } from '../config/app-config.js';

export interface FailureCounter {
  key: string;
  limit: number;
}

export type GuardedAttempt = 'login' | 'activation';

/**
 * The counters one attempt reserves, in the order they are taken (OWASP account lockout):
 * a login counts per account and address, per address, and per account from everywhere (a
 * higher ceiling); an activation per address only.
 */
export function failureCounters(
  attempt: GuardedAttempt,
  address: string,
  email: string,
  config: Pick<
    AppConfig,
    | 'LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS'
    | 'LOGIN_MAX_FAILURES_PER_ADDRESS'
    | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  >,
): FailureCounter[] {
  switch (attempt) {
    case 'login': {
      const account = email.toLowerCase();
      return [
        {
          key: `login:account-address:${account}|${address}`,
          limit: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
        },
        { key: `login:address:${address}`, limit: config.LOGIN_MAX_FAILURES_PER_ADDRESS },
        { key: `login:account:${account}`, limit: config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      ];
    }
    case 'activation':
      return [
        { key: `activation:address:${address}`, limit: config.LOGIN_MAX_FAILURES_PER_ADDRESS },
      ];
  }
}

/** Slots an attempt holds until it is known whether it failed. */
export interface Reservation {
  keys: string[];
}

/**
 * Failed logins and activations are limited per window in the shared counters. An attempt takes
 * its slots before any password is hashed, so that under any concurrency at most `limit`
 * attempts per counter get to fail (401); the rest are refused with 429 and Retry-After, and
 * hand their slots back. A success hands its slots back too: it costs nothing, and it does not
 * wipe earlier failures (they leave with their window).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly storage: RateLimitStorage,
    private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  }

  /** Takes one slot on each counter, or throws 429 (having returned any slot it took). */
  async reserve(attempt: GuardedAttempt, address: string, email = ''): Promise<Reservation> {
    const taken: string[] = [];
    for (const counter of failureCounters(attempt, address, email, this.config)) {
      const record = await this.storage.increment(counter.key, this.windowMs, counter.limit);
      taken.push(counter.key);
      if (record.isBlocked) {
        await this.release({ keys: taken });
        throw tooManyRequestsProblem(
          'Too many failed attempts; try again later.',
          record.retryAfterSeconds,
        );
      }
    }
    return { keys: taken };
  }

  /** The attempt did not fail: its slots are free again. */
  async release(reservation: Reservation): Promise<void> {
    for (const key of reservation.keys) await this.storage.release(key);
  }
}

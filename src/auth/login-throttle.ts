import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DependencyUnavailable } from '../common/dependency-failure.js';
import { tooManyRequestsProblem } from '../common/problem.js';
import { MemoryRateLimitStorage } from '../common/rate-limit/memory-rate-limit.storage.js';
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
 * higher ceiling); an activation per address only. A login from a trusted device (`deviceId`,
 * from a valid device cookie for this account) counts against that device's own budget only,
 * the same as one account's from one address: failures elsewhere never lock it out.
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
  deviceId?: string,
): FailureCounter[] {
  switch (attempt) {
    case 'login': {
      const account = email.toLowerCase();
      if (deviceId) {
        return [
          {
            key: `login:device:${account}|${deviceId}`,
            limit: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
          },
        ];
      }
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
  /** Where the slots are: the shared store, or this process's when that was down (logins only). */
  storage: RateLimitStorage;
  /** The shared store was down: only a role that may sign in without it gets through (see AuthService). */
  degraded: boolean;
}

/**
 * Failed logins and activations are limited per window in the shared counters. An attempt takes
 * its slots before any password is hashed, so that under any concurrency at most `limit`
 * attempts per counter get to fail (401); the rest are refused with 429 and Retry-After, and
 * hand their slots back. A success hands its slots back too: it costs nothing, and it does not
 * wipe earlier failures (they leave with their window).
 *
 * When the shared store is down, an activation fails (503); a login is counted in this process
 * instead (degraded), so that those who must turn maintenance off can still sign in.
 */
@Injectable()
export class LoginThrottle {
  private readonly local: RateLimitStorage;

  constructor(
    private readonly storage: RateLimitStorage,
    private readonly config: AppConfig,
    clock: Clock,
  ) {
    this.local = new MemoryRateLimitStorage(clock);
  }

  private get windowMs(): number {
    return this.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  }

  /** Takes one slot on each counter, or throws 429 (having returned any slot it took). */
  async reserve(
    attempt: GuardedAttempt,
    address: string,
    email = '',
    deviceId?: string,
  ): Promise<Reservation> {
    const counters = failureCounters(attempt, address, email, this.config, deviceId);
    try {
      return await this.take(this.storage, counters, false);
    } catch (error) {
      if (!(error instanceof DependencyUnavailable) || attempt !== 'login') throw error;
      return this.take(this.local, counters, true);
    }
  }

  /** The attempt did not fail: its slots are free again. */
  async release(reservation: Reservation): Promise<void> {
    for (const key of reservation.keys) await reservation.storage.release(key);
  }

  private async take(
    storage: RateLimitStorage,
    counters: FailureCounter[],
    degraded: boolean,
  ): Promise<Reservation> {
    const reservation: Reservation = { keys: [], storage, degraded };
    for (const counter of counters) {
      const record = await storage.increment(counter.key, this.windowMs, counter.limit);
      reservation.keys.push(counter.key);
      if (record.isBlocked) {
        await this.release(reservation);
        throw tooManyRequestsProblem(
          'Too many failed attempts; try again later.',
          record.retryAfterSeconds,
        );
      }
    }
    return reservation;
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

/** Where failed-login timestamps are kept; the default keeps them in memory. */
export abstract class LoginFailureStorage {
  /** Records a failure and returns the failure instants (ms) for that key within the window, oldest first. */
  abstract record(key: string, nowMs: number, windowMs: number): number[];
  abstract recent(key: string, nowMs: number, windowMs: number): number[];
  abstract clear(key: string): void;
}

@Injectable()
export class InMemoryLoginFailureStorage extends LoginFailureStorage {
  private readonly failures = new Map<string, number[]>();

  record(key: string, nowMs: number, windowMs: number): number[] {
    const kept = [...this.recent(key, nowMs, windowMs), nowMs];
    this.failures.set(key, kept);
    return kept;
  }

  recent(key: string, nowMs: number, windowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > nowMs - windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** Failed logins are limited per account and per client address; the answer is how long to wait, if at all. */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly storage: LoginFailureStorage,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  }

  private keys(email: string, address: string): Array<[string, number]> {
    return [
      [`account:${email.toLowerCase()}`, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT],
      [`address:${address}`, this.config.LOGIN_MAX_FAILURES_PER_ADDRESS],
    ];
  }

  /** Seconds until another attempt is allowed, or 0. */
  retryAfterSeconds(email: string, address: string): number {
    const now = this.clock.now().getTime();
    let waitMs = 0;
    for (const [key, limit] of this.keys(email, address)) {
      const recent = this.storage.recent(key, now, this.windowMs);
      if (recent.length >= limit)
        waitMs = Math.max(waitMs, recent[recent.length - limit] + this.windowMs - now);
    }
    return Math.ceil(waitMs / 1000);
  }

  recordFailure(email: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const [key] of this.keys(email, address)) this.storage.record(key, now, this.windowMs);
  }

  recordSuccess(email: string): void {
    this.storage.clear(`account:${email.toLowerCase()}`);
  }
}

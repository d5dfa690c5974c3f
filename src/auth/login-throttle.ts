import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { SlidingWindowStore, waitMs } from '../common/sliding-window.js';

/** Failed logins are limited per account and per client address; the answer is how long to wait, if at all. */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly storage: SlidingWindowStore,
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
    let wait = 0;
    for (const [key, limit] of this.keys(email, address)) {
      const recent = this.storage.recent(key, now, this.windowMs);
      wait = Math.max(wait, waitMs(recent, limit, this.windowMs, now));
    }
    return Math.ceil(wait / 1000);
  }

  recordFailure(email: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const [key] of this.keys(email, address)) this.storage.record(key, now, this.windowMs);
  }

  recordSuccess(email: string): void {
    this.storage.clear(`account:${email.toLowerCase()}`);
  }
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../common/clock.js';
import { tooManyRequestsProblem } from '../common/problem.js';
import { InMemorySlidingWindowStore, waitMs } from '../common/sliding-window.js';
import { AppConfig } from '../config/app-config.js';

const WINDOW_MS = 60_000;

/**
 * Public submissions (job applications and form submissions together) are limited per client
 * address to PUBLIC_SUBMISSIONS_PER_MINUTE in a sliding minute; over it, 429 with Retry-After.
 * A refused attempt does not count, so a client that waits as told gets through.
 */
@Injectable()
export class PublicSubmissionThrottle implements CanActivate {
  private readonly attempts = new InMemorySlidingWindowStore();

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.ip ?? 'unknown';
    const now = this.clock.now().getTime();
    const limit = this.config.PUBLIC_SUBMISSIONS_PER_MINUTE;
    const recent = this.attempts.recent(key, now, WINDOW_MS);
    const wait = waitMs(recent, limit, WINDOW_MS, now);
    if (wait > 0) {
      throw tooManyRequestsProblem(
        `At most ${limit} submissions a minute from one address; try again later.`,
        Math.max(1, Math.ceil(wait / 1000)),
      );
    }
    this.attempts.record(key, now, WINDOW_MS);
    return true;
  }
}

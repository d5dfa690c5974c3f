import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { clientAddress } from '../common/client-address.js';
import { tooManyRequestsProblem } from '../common/problem.js';
import { RateLimitStorage } from '../common/rate-limit/rate-limit.storage.js';
import { AppConfig } from '../config/app-config.js';

const WINDOW_MS = 60_000;

/**
 * Public submissions (job applications and form submissions together) are limited per client
 * address to PUBLIC_SUBMISSIONS_PER_MINUTE a minute in the shared counters (every instance
 * counts together); over it, 429 with Retry-After. A refused attempt hands its hit back, so a
 * client that waits as told gets through.
 */
@Injectable()
export class PublicSubmissionThrottle implements CanActivate {
  constructor(
    private readonly storage: RateLimitStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = `public-submission:${clientAddress(request)}`;
    const limit = this.config.PUBLIC_SUBMISSIONS_PER_MINUTE;
    const record = await this.storage.increment(key, WINDOW_MS, limit);
    if (record.isBlocked) {
      await this.storage.release(key);
      throw tooManyRequestsProblem(
        `At most ${limit} submissions a minute from one address; try again later.`,
        record.retryAfterSeconds,
      );
    }
    return true;
  }
}

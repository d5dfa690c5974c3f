import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { DEPENDENCY_RETRY_AFTER_SECONDS } from '../common/dependency-failure.js';
import { ProblemException, problemType } from '../common/problem.js';
import { RateLimitStorage } from '../common/rate-limit/rate-limit.storage.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';

/** How long readiness waits for a dependency before calling it down. */
const PING_TIMEOUT_MS = 2000;

/** Readiness failed: a problem document naming what is down, with terminus's details. */
function notReady(result: HealthCheckResult): ProblemException {
  const down = Object.keys(result.error ?? {});
  return new ProblemException(
    {
      type: problemType('not-ready'),
      title: 'Service unavailable',
      status: 503,
      detail: `Not ready: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`,
      down,
      details: result.details,
    },
    { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) },
  );
}

@ApiTags('health')
@Public()
@AllowDuringMaintenance()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly rateLimits: RateLimitStorage,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers, and Redis when the rate limits live there. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database (and Redis, when configured) answer' })
  @ApiOkResponse({ description: 'Every dependency answers' })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer; `down` names it' })
  // Documented here: terminus documents it only where it can require() @nestjs/swagger (not under
  // Jest), and the document must be the same everywhere.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  async ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS }),
    ];
    const { dependency } = this.rateLimits;
    if (dependency) {
      checks.push(() =>
        this.indicators
          .check(dependency)
          .attempt(() => this.rateLimits.ping())
          .withTimeout(PING_TIMEOUT_MS),
      );
    }
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw notReady(error.getResponse() as HealthCheckResult);
      }
      throw error;
    }
  }
}

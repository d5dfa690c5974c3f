import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators.js';
import { notFoundProblem, ProblemException, unauthorizedProblem } from '../common/problem.js';
import { AppConfig } from '../config/app-config.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';
import { metricsAccess } from './metrics.access.js';

/**
 * Prometheus scrapes this instance here. Its own bearer token (METRICS_TOKEN), not a user or an
 * integration client; without one configured the endpoint does not exist. For operators, so it is
 * left out of the partners' API document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: Registry,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @AllowDuringMaintenance()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const access = metricsAccess(this.config.METRICS_TOKEN, authorization);
    switch (access) {
      case 'disabled':
        throw notFoundProblem('Metrics are not enabled on this instance.');
      case 'unauthorized': {
        const { problem } = unauthorizedProblem('The metrics bearer token is missing or wrong.');
        throw new ProblemException(problem, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
      }
      case 'allowed':
        response.type(this.registry.contentType);
        return this.registry.metrics();
      default:
        return access satisfies never;
    }
  }
}

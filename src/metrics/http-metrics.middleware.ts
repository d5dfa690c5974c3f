import { Injectable, type NestMiddleware, type OnApplicationBootstrap } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry } from 'prom-client';
import { RouteCatalog } from '../common/route-catalog.js';
import { routeLabel, statusClass } from './http-metrics.js';

/** `http_request_duration_seconds{method, route, status_class}` of this application's registry. */
@Injectable()
export class HttpRequestDurations implements OnApplicationBootstrap {
  readonly histogram: Histogram<'method' | 'route' | 'status_class'>;
  private handlerRoutes: ReadonlySet<string> = new Set();

  constructor(
    registry: Registry,
    private readonly catalog: RouteCatalog,
  ) {
    this.histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request to the end of the response, by method, route template and status class',
      labelNames: ['method', 'route', 'status_class'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.handlerRoutes = new Set(this.catalog.routes().map((route) => route.path));
  }

  routeOf(request: Request): string {
    return routeLabel(request.route, this.handlerRoutes);
  }
}

/** Times every request, matched or not. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly durations: HttpRequestDurations) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.durations.histogram.startTimer();
    // The route is known only once the router has matched it, so the labels are taken at the end.
    response.once('finish', () => {
      end({
        method: request.method,
        route: this.durations.routeOf(request),
        status_class: statusClass(response.statusCode),
      });
    });
    next();
  }
}

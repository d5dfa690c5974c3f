import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { RouteCatalog } from '../common/route-catalog.js';
import { HttpMetricsMiddleware, HttpRequestDurations } from './http-metrics.middleware.js';
import { maintenanceMetricsProviders } from './maintenance.metrics.js';
import { MetricsController } from './metrics.controller.js';

/**
 * prom-client's default gauges named `_total`, a suffix Prometheus keeps for counters (promtool
 * refuses them); the same counts stay as `nodejs_active_handles`, `nodejs_active_requests` and
 * `nodejs_active_resources` (by type).
 */
const MISNAMED_DEFAULT_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** Its own registry per application, so that several apps in one process (tests) never share metrics. */
function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULT_GAUGES) registry.removeSingleMetric(name);
  return registry;
}

/** `GET /metrics` in the Prometheus text format: process, HTTP and maintenance metrics of this instance. */
@Module({
  imports: [DiscoveryModule],
  controllers: [MetricsController],
  providers: [
    { provide: Registry, useFactory: createMetricsRegistry },
    RouteCatalog,
    HttpRequestDurations,
    ...maintenanceMetricsProviders,
  ],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { RouteCatalog } from '../common/route-catalog.js';
import { HttpMetricsMiddleware, HttpRequestDurations } from './http-metrics.middleware.js';
import { maintenanceMetricsProviders } from './maintenance.metrics.js';
import { MetricsController } from './metrics.controller.js';

/** Its own registry per application, so that several apps in one process (tests) never share metrics. */
function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
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

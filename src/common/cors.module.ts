import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cors from 'cors';

/** Headers that browser scripts on other origins may read. */
export const EXPOSED_HEADERS = [
  'Retry-After',
  'X-Request-Id',
  'Maintenance-Starts-At',
  'Maintenance-Countdown',
];

/**
 * CORS for machine clients' browser scripts (no cookies cross-origin), as a module middleware.
 * Preflights are answered here, before any route: they carry no maintenance headers (README, R11).
 */
@Module({})
export class CorsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(cors({ origin: true, credentials: false, exposedHeaders: EXPOSED_HEADERS }))
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

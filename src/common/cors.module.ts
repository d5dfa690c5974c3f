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
 * CORS for machine clients' browser scripts (no cookies cross-origin). A module middleware rather than
 * `app.enableCors()`, so that it runs after the modules imported before it: the maintenance headers
 * (R11) are then on preflight answers too.
 */
@Module({})
export class CorsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(cors({ origin: true, credentials: false, exposedHeaders: EXPOSED_HEADERS }))
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

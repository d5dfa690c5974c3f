import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import { setupApiDocs } from './api-docs/api-docs.js';
import { AppModule } from './app.module.js';
import type { Clock } from './common/clock.js';
import { PageErrorRenderer, ProblemFilter } from './common/problem.filter.js';
import { BODY_LIMITS, refuseHostileBodies, refuseHostileRequests } from './common/hostile-input.js';
import { refuseUnsupportedMethods } from './common/method-not-allowed.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { RouteCatalog } from './common/route-catalog.js';
import { createLogger, PinoNestLogger, requestLogger } from './logging/logger.js';

export interface CreateAppOptions {
  config: AppConfig;
  clock: Clock;
  logger?: Logger;
}

/** Builds the whole application; used by main.ts (which stops it on a signal) and the scripts. */
export async function createApp({
  config,
  clock,
  logger,
}: CreateAppOptions): Promise<NestExpressApplication> {
  const pinoLogger = logger ?? createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, clock }),
    {
      logger: new PinoNestLogger(pinoLogger),
    },
  );
  return configureApp(app, pinoLogger);
}

/** Everything around the module tree (middleware, pipes, filters, docs); the tests call it on their own module. */
export function configureApp(
  app: NestExpressApplication,
  pinoLogger: Logger,
): NestExpressApplication {
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  // X-Forwarded-For counts only when it comes through a proxy the operator named.
  app.set('trust proxy', config.TRUST_PROXY ?? false);
  app.use(requestLogger(pinoLogger));
  app.use(securityHeaders(config));
  app.use(refuseHostileRequests);
  app.use(refuseUnsupportedMethods(app.get(RouteCatalog, { strict: false }).routes()));
  app.useBodyParser('json', { limit: BODY_LIMITS.bytes });
  app.useBodyParser('urlencoded', {
    limit: BODY_LIMITS.bytes,
    extended: false,
    parameterLimit: BODY_LIMITS.entries,
  });
  app.use(refuseHostileBodies);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(app.get(PageErrorRenderer), config.DEFAULT_LANGUAGE));
  setupApiDocs(app);
  return app;
}

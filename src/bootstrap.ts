import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import { setupApiDocs } from './api-docs/api-docs.js';
import { AppModule } from './app.module.js';
import type { Clock } from './common/clock.js';
import { PageErrorRenderer, ProblemFilter } from './common/problem.filter.js';
import { createValidationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { createLogger, PinoNestLogger, requestLogger } from './logging/logger.js';

export interface CreateAppOptions {
  config: AppConfig;
  clock: Clock;
  logger?: Logger;
}

/** Builds the whole application; used by main.ts and the scripts. */
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
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogger(pinoLogger));
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(
    new ProblemFilter(app.get(PageErrorRenderer), app.get(AppConfig).DEFAULT_LANGUAGE),
  );
  setupApiDocs(app);
  app.enableShutdownHooks();
  return app;
}

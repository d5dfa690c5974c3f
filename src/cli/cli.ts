import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { pino } from 'pino';
import { SystemClock } from '../common/clock.js';
import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../logging/logger.js';
import { CliLogger } from './cli-logger.js';
import { outcomeOf } from './cli-outcome.js';
import { CliModule } from './cli.module.js';

/** `npm run cli -- <command>`: exit 0 on success, 1 when refused (one line on stderr), 2 on a usage error. */
async function main(): Promise<number> {
  let failure: unknown;
  try {
    const config = loadAppConfig();
    const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: 2, sync: true }));
    const app = await CommandFactory.createWithoutRunning(
      CliModule.forRoot({ config, clock: new SystemClock() }),
      {
        logger: new CliLogger(logger),
        cliName: 'cli',
        abortOnError: false,
        // commander throws instead of exiting, so the context is always closed.
        errorHandler: (error) => {
          throw error;
        },
        serviceErrorHandler: (error) => {
          failure = error;
        },
      },
    );
    try {
      await CommandFactory.runApplication(app);
    } finally {
      await app.close();
    }
  } catch (error) {
    failure = error;
  }
  const outcome = outcomeOf(failure);
  if (outcome.message) process.stderr.write(`${outcome.message}\n`);
  return outcome.exitCode;
}

process.exitCode = await main();

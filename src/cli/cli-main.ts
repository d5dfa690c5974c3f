import { CommandFactory } from 'nest-commander';
import { pino } from 'pino';
import type { Clock } from '../common/clock.js';
import { loadAppConfig } from '../config/app-config.js';
import { appVersion } from '../config/app-version.js';
import { createLogger } from '../logging/logger.js';
import { CliLogger } from './cli-logger.js';
import { outcomeOf } from './cli-outcome.js';
import { CliModule } from './cli.module.js';
import { escapeControl } from './cli-text.js';
import { DatabaseClock } from './database-clock.js';

/**
 * Runs one command (from process.argv) and returns its exit code: 0 on success, 1 when refused
 * (one line on stderr), 2 on a usage error, 3 on a stale version. `host` is this host's clock;
 * the commands decide by the database's (see DatabaseClock).
 */
export async function runCommandLine(host: Clock): Promise<number> {
  let failure: unknown;
  try {
    const config = loadAppConfig();
    const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: 2, sync: true }));
    const app = await CommandFactory.createWithoutRunning(
      CliModule.forRoot({ config, clock: new DatabaseClock(host) }),
      {
        logger: new CliLogger(logger),
        version: appVersion(),
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
  if (outcome.message) process.stderr.write(`${escapeControl(outcome.message)}\n`);
  return outcome.exitCode;
}

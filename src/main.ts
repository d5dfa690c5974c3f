import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { createApp } from './bootstrap.js';
import { SystemClock } from './common/clock.js';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { DemoStartCheck } from './demo/demo-start.check.js';
import { appVersion } from './config/app-version.js';
import { parseDatabaseUrl } from './database/database-url.js';
import { createLogger } from './logging/logger.js';

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const clock = new SystemClock();
  const logger = createLogger(config.LOG_LEVEL);
  const instanceId = `${hostname()}/${process.pid}`;
  const app = await createApp({ config, clock, logger });
  if (!(await app.get(DemoStartCheck).allowsStart())) {
    await app.close();
    process.exitCode = 1;
    return;
  }
  await app.listen(config.PORT);
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  logger.info({
    event: 'listening',
    address,
    port,
    version: appVersion(),
    database: parseDatabaseUrl(config.DATABASE_URL).driver,
    instanceId,
  });

  // On a stop signal: finish what is in flight and close everything, then one line with how long it took.
  const stop = async (reason: string): Promise<void> => {
    for (const signal of STOP_SIGNALS) process.removeAllListeners(signal);
    const started = clock.now();
    await app.close();
    logger.info({
      event: 'stopped',
      reason,
      drainMs: clock.now().getTime() - started.getTime(),
      instanceId,
    });
    process.exit(0);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, () => void stop(signal));
}

await main();

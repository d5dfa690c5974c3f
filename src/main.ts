import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { SystemClock } from './common/clock.js';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { DemoStartCheck } from './demo/demo-start.check.js';

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
  const app = await createApp({ config, clock: new SystemClock() });
  if (!(await app.get(DemoStartCheck).allowsStart())) {
    await app.close();
    process.exitCode = 1;
    return;
  }
  await app.listen(config.PORT);
}

await main();

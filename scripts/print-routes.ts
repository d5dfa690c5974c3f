import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module.js';
import { SystemClock } from '../src/common/clock.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { formatRoutePolicyTable, MaintenanceRoutePolicy } from '../src/maintenance/index.js';

/**
 * `npm run routes`: every route with its policy during downtime (`open` to all, or `exempt-only`)
 * and how a refusal is answered (503, or 303 to the maintenance page). The same table as
 * test/routes/route-policy.snapshot.txt. Boots the module tree on a throw-away SQLite database.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'routes-'));
  try {
    const config = loadAppConfig({
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'routes.sqlite')}`,
      DEMO_DATA: 'false',
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, clock: new SystemClock() }),
      { logger: ['error'], abortOnError: false },
    );
    try {
      process.stdout.write(formatRoutePolicyTable(app.get(MaintenanceRoutePolicy).rows()));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module.js';
import { SystemClock } from '../src/common/clock.js';
import { loadAppConfig } from '../src/config/app-config.js';

/**
 * Runs `use` with the whole module tree on a throw-away SQLite database (no demo data, no listening
 * port), the rest of the configuration from the environment; closes and removes it after.
 */
export async function withThrowawayApp<T>(
  use: (app: INestApplication) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'throwaway-app-'));
  try {
    const config = loadAppConfig({
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`,
      DEMO_DATA: 'false',
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.create(AppModule.forRoot({ config, clock: new SystemClock() }), {
      logger: ['error'],
      abortOnError: false,
    });
    try {
      return await use(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

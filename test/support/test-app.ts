import 'reflect-metadata';
import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import { AdjustableClock } from '../../src/common/clock.js';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createLogger, PinoNestLogger } from '../../src/logging/logger.js';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** Which database this e2e run uses: TEST_DB=postgres (with TEST_POSTGRES_URL) or sqlite (default). */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: a temporary SQLite file, or a new schema on TEST_POSTGRES_URL. */
export function freshDatabase(kind: TestDatabaseKind = testDatabaseKind()): TestDatabase {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'staffing-test-'));
    return {
      url: `sqlite:${join(dir, 'app.sqlite')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_POSTGRES_URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:40123 */
  url: string;
  clock: AdjustableClock;
  config: AppConfig;
  dataSource: DataSource;
  /** Every structured log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  database: TestDatabase;
  /** Stops the app; drops the database unless keepDatabase was set. */
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /** Environment variables on top of the test defaults (demo data on, quiet logs). */
  env?: Record<string, string>;
  /** Reuse a database (e.g. a second instance, or a restart); it is then not dropped on close. */
  database?: TestDatabase;
  clock?: AdjustableClock;
  /** Nest DI overrides, e.g. builder.overrideProvider(X).useValue(y). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Extra modules for the test only, e.g. one with a probe controller. */
  imports?: ModuleMetadata['imports'];
}

/** Starts the real application on a real port against a real database. */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const ownDatabase = !options.database;
  const database = options.database ?? freshDatabase();
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'info',
    ...options.env,
    DATABASE_URL: database.url,
  });
  const clock = options.clock ?? new AdjustableClock();
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, sink);
  let builder = Test.createTestingModule({
    imports: [AppModule.forRoot({ config, clock }), ...(options.imports ?? [])],
  });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: new PinoNestLogger(logger),
  });
  configureApp(app, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    clock,
    config,
    dataSource: app.get(DataSource),
    logs,
    database,
    close: async () => {
      await app.close();
      if (ownDatabase) await database.drop();
    },
  };
}

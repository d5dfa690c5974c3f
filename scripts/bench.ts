import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { maintenanceLockout } from '../src/app.module.js';
import { authGuards, AuthModule } from '../src/auth/auth.module.js';
import { configureApp } from '../src/bootstrap.js';
import { ClockModule } from '../src/common/clock.module.js';
import { PageErrorRenderer } from '../src/common/problem.filter.js';
import { SystemClock, type Clock } from '../src/common/clock.js';
import { loadAppConfig, type AppConfig } from '../src/config/app-config.js';
import { ConfigModule } from '../src/config/config.module.js';
import { DatabaseModule } from '../src/database/database.module.js';
import { DemoModule } from '../src/demo/demo.module.js';
import { UsersModule } from '../src/users/users.module.js';
import { createLogger, PinoNestLogger } from '../src/logging/logger.js';

/**
 * `npm run bench`: the same authenticated route (GET /api/auth/me) on two in-process instances, with
 * the maintenance module and without it, measured alternately with autocannon on loopback; prints
 * requests/s, their ratio, and the database queries per request (total, and on maintenance tables).
 * A maintenance window is scheduled (an hour ahead) on the instance that has the module, so its
 * guard and headers do their full work on every request.
 */
const ROUTE = '/api/auth/me';
const ROUNDS = 4;
const SECONDS = 5;
const CONNECTIONS = 10;

/**
 * The identity core of the app (the measured route lives there), with or without the lockout wired
 * exactly as AppModule wires it. The feature modules are left out of both: pages and contracts
 * depend on the maintenance module, so they cannot be in the baseline.
 */
@Module({})
class BenchModule {
  static forRoot(config: AppConfig, clock: Clock, maintenance: boolean): DynamicModule {
    const lockout = maintenance ? maintenanceLockout(config, clock) : undefined;
    return {
      module: BenchModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(),
        ...(lockout ? [lockout.module] : []),
        AuthModule.forRoot(lockout?.auth ?? {}),
        UsersModule,
        DemoModule,
      ],
      providers: [
        ...(lockout?.guards ?? []),
        ...authGuards,
        // configureApp asks for one; the measured API route never uses it.
        { provide: PageErrorRenderer, useValue: { render: () => undefined } },
      ],
    };
  }
}

interface Instance {
  label: string;
  app: NestExpressApplication;
  url: string;
  cookie: string;
  queries: { total: number; maintenance: number };
  dir: string;
}

async function start(label: string, maintenance: boolean): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const config = loadAppConfig({
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger('silent');
  const app = await NestFactory.create<NestExpressApplication>(
    BenchModule.forRoot(config, new SystemClock(), maintenance),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  configureApp(app, logger);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;

  // Count every query TypeORM sends (it calls logQuery for each, whatever the logging option).
  const queries = { total: 0, maintenance: 0 };
  const dataSource = app.get(DataSource);
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (query, parameters, runner) => {
    queries.total++;
    if (query.includes('maintenance_')) queries.maintenance++;
    logQuery(query, parameters, runner);
  };

  const cookie = await signIn(url, 'admin@demo.test');
  if (maintenance) await scheduleWindow(url, cookie);
  return { label, app, url, cookie: cookie.cookie, queries, dir };
}

async function signIn(url: string, email: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('sid='))!
    .split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function scheduleWindow(
  url: string,
  session: { cookie: string; csrfToken: string },
): Promise<void> {
  const response = await fetch(`${url}/api/admin/connect/settings/maintenance`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({
      enabled: true,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      version: 0,
    }),
  });
  if (response.status !== 200) throw new Error(`scheduling failed: ${response.status}`);
}

async function measure(
  instance: Instance,
  seconds: number,
): Promise<{ rps: number; requests: number; queries: { total: number; maintenance: number } }> {
  const before = { ...instance.queries };
  const result = await autocannon({
    url: `${instance.url}${ROUTE}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: instance.cookie },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${instance.label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    queries: {
      total: instance.queries.total - before.total,
      maintenance: instance.queries.maintenance - before.maintenance,
    },
  };
}

/** The median resists the odd round disturbed by something else on the machine. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const withModule = await start('with maintenance', true);
  const without = await start('without maintenance', false);
  try {
    for (const instance of [withModule, without]) await measure(instance, 1); // warm-up
    const results = new Map<Instance, Array<Awaited<ReturnType<typeof measure>>>>([
      [withModule, []],
      [without, []],
    ]);
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so drift (thermal, GC) does not favour one side.
      const order = round % 2 ? [withModule, without] : [without, withModule];
      for (const instance of order) {
        const result = await measure(instance, SECONDS);
        results.get(instance)!.push(result);
        console.log(
          `round ${round}  ${instance.label.padEnd(20)} ${result.rps.toFixed(0).padStart(7)} req/s`,
        );
      }
    }
    console.log('');
    const summary = [withModule, without].map((instance) => {
      const runs = results.get(instance)!;
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      const total = runs.reduce((sum, run) => sum + run.queries.total, 0);
      const maintenance = runs.reduce((sum, run) => sum + run.queries.maintenance, 0);
      return { instance, rps: median(runs.map((run) => run.rps)), requests, total, maintenance };
    });
    for (const { instance, rps, requests, total, maintenance } of summary) {
      console.log(
        `${instance.label.padEnd(20)} ${rps.toFixed(0).padStart(7)} req/s (median)   ` +
          `${(total / requests).toFixed(3)} queries/request   ` +
          `${maintenance} maintenance queries in ${requests} requests (${(maintenance / requests).toFixed(5)}/request)`,
      );
    }
    const ratio = summary[0].rps / summary[1].rps;
    console.log(
      `\nratio with/without: ${ratio.toFixed(3)} (cost ${((1 - ratio) * 100).toFixed(1)} %)`,
    );
  } finally {
    for (const instance of [withModule, without]) {
      await instance.app.close();
      rmSync(instance.dir, { recursive: true, force: true });
    }
  }
}

await main();

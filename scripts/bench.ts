import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * `npm run bench`: the same authenticated route (GET /api/auth/me) on two instances, each in its own
 * child process (so neither shares an event loop with the other or with autocannon), with
 * the maintenance module and without it, measured alternately with autocannon on loopback; prints
 * requests/s, their ratio, and the database queries per request (total, and on maintenance tables).
 * A maintenance window is scheduled (an hour ahead) on the instance that has the module, so its
 * guard and headers do their full work on every request.
 */
const ROUTE = '/api/auth/me';
const ROUNDS = 10;
const SECONDS = 3;
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
        // The lockout's scheduled job runs on @nestjs/schedule.
        ScheduleModule.forRoot(),
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

interface Served {
  url: string;
  cookie: string;
}

interface QueryCounts {
  total: number;
  maintenance: number;
}

/** What the child reports: its database queries so far and its CPU time (µs, user + system). */
interface Counters {
  queries: QueryCounts;
  cpuMicros: number;
}

type ParentMessage = 'queries' | 'stop';
type ChildMessage = { served: Served } | { counters: Counters };

/** Child process: one app instance, answering the parent's questions over IPC. */
async function serve(maintenance: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const config = loadAppConfig({
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    // No periodic re-read during the run: every maintenance query counted would then be one per request.
    MAINTENANCE_REFRESH_INTERVAL_MS: String(3_600_000),
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
  const queries: QueryCounts = { total: 0, maintenance: 0 };
  const dataSource = app.get(DataSource);
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (query, parameters, runner) => {
    queries.total++;
    if (query.includes('maintenance_')) queries.maintenance++;
    logQuery(query, parameters, runner);
  };

  const session = await signIn(url, 'admin@demo.test');
  // Both instances run one write transaction before measuring (scheduling the window is one): on SQLite
  // the first transaction switches on the transaction isolation's context tracking, which costs on every
  // request afterwards, so the two instances must be in the same state.
  if (maintenance) await scheduleWindow(url, session);
  else await dataSource.transaction((manager) => manager.query('SELECT 1'));
  const send = (message: ChildMessage): boolean => process.send!(message);
  process.on('message', (message: ParentMessage) => {
    if (message === 'queries') {
      const cpu = process.cpuUsage();
      send({ counters: { queries: { ...queries }, cpuMicros: cpu.user + cpu.system } });
    } else
      void app.close().then(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
  send({ served: { url, cookie: session.cookie } });
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

/** Parent side of one served instance. */
class Instance {
  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    readonly served: Served,
    /** Where the child writes its CPU profile when it exits (both children are profiled alike). */
    readonly profileDir: string,
  ) {}

  static start(label: string, maintenance: boolean): Promise<Instance> {
    const profileDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    const child = fork(
      fileURLToPath(import.meta.url),
      ['serve', maintenance ? 'with' : 'without'],
      {
        execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
      },
    );
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
      child.once('message', (message: ChildMessage) => {
        if ('served' in message) resolve(new Instance(label, child, message.served, profileDir));
      });
    });
  }

  counters(): Promise<Counters> {
    return new Promise((resolve) => {
      this.child.once('message', (message: ChildMessage) => {
        if ('counters' in message) resolve(message.counters);
      });
      this.child.send('queries');
    });
  }

  /** Stops the child and waits until it has exited (and so written its profile). */
  stop(): Promise<void> {
    this.child.removeAllListeners('exit');
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send('stop');
    return exited;
  }

  /** Share of the child's busy CPU samples whose own code (self time) is in files matching `part`. */
  selfTimeShare(part: string): number {
    const file = readdirSync(this.profileDir).find((name) => name.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(readFileSync(join(this.profileDir, file), 'utf8')) as CpuProfile;
    rmSync(this.profileDir, { recursive: true, force: true });
    const urls = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
    const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
    let busy = 0;
    let matching = 0;
    profile.samples.forEach((id, i) => {
      if (names.get(id) === '(idle)') return;
      busy += profile.timeDeltas[i];
      if (urls.get(id)?.includes(part)) matching += profile.timeDeltas[i];
    });
    return matching / busy;
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

interface Run {
  rps: number;
  requests: number;
  /** Server CPU time per request: far less disturbed by neighbours on the machine than requests/s. */
  cpuMicrosPerRequest: number;
  queries: QueryCounts;
}

async function measure(instance: Instance, seconds: number): Promise<Run> {
  const before = await instance.counters();
  const result = await autocannon({
    url: `${instance.served.url}${ROUTE}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: instance.served.cookie },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${instance.label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const after = await instance.counters();
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / result.requests.total,
    queries: {
      total: after.queries.total - before.queries.total,
      maintenance: after.queries.maintenance - before.queries.maintenance,
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
  const withModule = await Instance.start('with maintenance', true);
  const without = await Instance.start('without maintenance', false);
  try {
    for (const instance of [withModule, without]) await measure(instance, 2); // warm-up
    const results = new Map<Instance, Run[]>([
      [withModule, []],
      [without, []],
    ]);
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so drift (thermal, GC, neighbours) does not favour one side.
      const order = round % 2 ? [withModule, without] : [without, withModule];
      for (const instance of order) {
        const result = await measure(instance, SECONDS);
        results.get(instance)!.push(result);
        console.log(
          `round ${String(round).padStart(2)}  ${instance.label.padEnd(20)} ` +
            `${result.rps.toFixed(0).padStart(6)} req/s  ` +
            `${result.cpuMicrosPerRequest.toFixed(0).padStart(5)} µs CPU/request`,
        );
      }
    }
    console.log('');
    const summary = [withModule, without].map((instance) => {
      const runs = results.get(instance)!;
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      const total = runs.reduce((sum, run) => sum + run.queries.total, 0);
      const maintenance = runs.reduce((sum, run) => sum + run.queries.maintenance, 0);
      const rps = median(runs.map((run) => run.rps));
      const cpu = median(runs.map((run) => run.cpuMicrosPerRequest));
      return { instance, rps, cpu, requests, total, maintenance };
    });
    for (const { instance, rps, cpu, requests, total, maintenance } of summary) {
      console.log(
        `${instance.label.padEnd(20)} ${rps.toFixed(0).padStart(6)} req/s  ` +
          `${cpu.toFixed(0).padStart(5)} µs CPU/request (medians)   ` +
          `${(total / requests).toFixed(3)} queries/request   ` +
          `${maintenance} maintenance-table queries in ${requests} requests`,
      );
    }
    // Each round's two runs are back to back, so their ratio cancels slow drifts of the machine.
    const paired = (value: (run: Run) => number): number => {
      const withRuns = results.get(withModule)!;
      return median(results.get(without)!.map((run, i) => value(withRuns[i]) / value(run)));
    };
    const throughput = paired((run) => run.rps);
    const cpu = paired((run) => run.cpuMicrosPerRequest);
    console.log(
      `\nthroughput with/without (median of ${ROUNDS} paired rounds): ${throughput.toFixed(3)}` +
        `  → module cost ${((1 - throughput) * 100).toFixed(1)} % of requests/s` +
        `\nCPU per request with/without (median of ${ROUNDS} paired rounds): ${cpu.toFixed(3)}` +
        `  → module cost ${((cpu - 1) * 100).toFixed(1)} % of server CPU`,
    );
  } finally {
    await Promise.all([withModule.stop(), without.stop()]);
  }
  const share = withModule.selfTimeShare('/src/maintenance/');
  without.selfTimeShare('/src/maintenance/'); // only to clean up its profile
  console.log(
    `CPU profile of the instance with the module: its own code (src/maintenance, self time) is ` +
      `${(share * 100).toFixed(2)} % of the server's busy CPU`,
  );
}

if (process.argv[2] === 'serve') await serve(process.argv[3] === 'with');
else await main();

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { configureApp } from '../../src/bootstrap.js';
import { AdjustableClock, SystemClock, type Clock } from '../../src/common/clock.js';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createLogger, PinoNestLogger } from '../../src/logging/logger.js';
import { BenchModule, NO_LOCKOUT, type Lockout } from './bench-module.js';
import { DEMO_ADMIN, DEMO_REGULAR_USER, putSettings, signIn, type Session } from './http.js';
import { PEER_VARIANTS, peerLockout, PeerWindowSource, type PeerStores } from './peers.js';
import { epochMs } from './stats.js';
import { notifyChannelOf, onSnapshotChange, thisModule } from './this-module.js';

export const VARIANTS = ['bare', 'this-module', ...PEER_VARIANTS] as const;
export type Variant = (typeof VARIANTS)[number];

/** The route every measurement loads: authenticated, answered by the identity core. */
export const ROUTE = '/api/auth/me';

/**
 * What an instance is set up for: `scheduled`, a window an hour ahead (the lockout does its full
 * work on every request and refuses nothing); `downtime`, a window that has started (this module
 * only); `propagation`, nothing yet (the bench changes the settings itself).
 */
export type Scenario = 'scheduled' | 'downtime' | 'propagation';

export interface ChildSpec {
  variant: Variant;
  scenario: Scenario;
  /** A PostgreSQL URL (with `?schema=`), or null for a SQLite file of the instance's own. */
  databaseUrl: string | null;
  redisUrl: string;
}

export interface Served extends Session {
  url: string;
  /** The instance's LISTEN/NOTIFY channel (on PostgreSQL, with this module). */
  channel: string | null;
}

/** What the child reports: its database queries so far and its CPU time (µs, user + system). */
export interface Counters {
  queries: number;
  cpuMicros: number;
}

export type ParentMessage = 'counters' | 'stop';
export type ChildMessage =
  | { served: Served }
  | { counters: Counters }
  /** The instance's snapshot changed (this module, `propagation`): the new start and when. */
  | { snapshot: { startsAt: string | null; at: number } };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function lockoutOf(variant: Variant, config: AppConfig, clock: Clock, stores: PeerStores): Lockout {
  switch (variant) {
    case 'bare':
      return NO_LOCKOUT;
    case 'this-module':
      return thisModule(config, clock);
    default:
      return peerLockout(variant, stores);
  }
}

/** Child process: one app instance, answering the parent's questions over IPC. */
export async function serve(spec: ChildSpec): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const clock = spec.scenario === 'downtime' ? new AdjustableClock() : new SystemClock();
  const config = loadAppConfig({
    DATABASE_URL: spec.databaseUrl ?? `sqlite:${join(dir, 'bench.sqlite')}`,
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    API_DOCS: 'false',
    // No periodic re-read: a maintenance query would then show per request, and propagation can only
    // come from the announced change.
    MAINTENANCE_REFRESH_INTERVAL_MS: String(HOUR),
  });
  const stores: PeerStores = {
    file: join(dir, 'down'),
    redisUrl: spec.redisUrl,
    redisKey: `bench:${process.pid}:maintenance`,
  };
  const logger = createLogger('silent');
  const app = await NestFactory.create<NestExpressApplication>(
    BenchModule.forRoot(config, clock, lockoutOf(spec.variant, config, clock, stores)),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  configureApp(app, logger);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const dataSource = app.get(DataSource);

  // Count every query TypeORM sends (it calls logQuery for each, whatever the logging option).
  let queries = 0;
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (query, parameters, runner) => {
    queries++;
    logQuery(query, parameters, runner);
  };

  const session = await prepare(spec, url, clock, app, dataSource);
  const send = (message: ChildMessage): boolean => process.send!(message);
  if (spec.scenario === 'propagation')
    onSnapshotChange(app, (startsAt) => send({ snapshot: { startsAt, at: epochMs() } }));
  process.on('message', (message: ParentMessage) => {
    if (message === 'counters') {
      const cpu = process.cpuUsage();
      send({ counters: { queries, cpuMicros: cpu.user + cpu.system } });
      return;
    }
    void turnOffPeer(spec.variant, app)
      .then(() => app.close())
      .then(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
  send({
    served: {
      url,
      ...session,
      channel: spec.variant === 'this-module' ? notifyChannelOf(app) : null,
    },
  });
}

/** Puts the instance in the state of its scenario; returns the session the parent loads it with. */
async function prepare(
  spec: ChildSpec,
  url: string,
  clock: Clock,
  app: NestExpressApplication,
  dataSource: DataSource,
): Promise<Session> {
  const admin = await signIn(url, DEMO_ADMIN);
  switch (spec.scenario) {
    case 'propagation':
      return admin;
    case 'scheduled': {
      // Every instance runs one write transaction before measuring: on SQLite the first one switches
      // on the transaction isolation's context tracking, which costs on every request afterwards.
      await dataSource.transaction((manager) => manager.query('SELECT 1'));
      const startsAt = new Date(clock.now().getTime() + HOUR);
      if (spec.variant === 'this-module')
        await (await putSettings(url, admin, { startsAt, version: 0 })).arrayBuffer();
      else if (spec.variant !== 'bare')
        await app
          .get(PeerWindowSource)
          .write({ startsAt: startsAt.getTime(), retryAfterSeconds: HOUR / 1000 });
      // The same database file state for all: the demo data's writes moved out of the WAL, whose
      // length every read pays for (some setups write more than others, and may trigger a checkpoint).
      await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      return admin;
    }
    case 'downtime': {
      if (spec.variant !== 'this-module' || !(clock instanceof AdjustableClock))
        throw new Error('the downtime scenario measures this module');
      // Signed in before the start: a regular user's login is refused during downtime (R12).
      const regular = await signIn(url, DEMO_REGULAR_USER);
      // The API wants a start at least 10 minutes after the app's clock: the clock is set back while
      // scheduling a start that is 1.5 s ahead in real time, then put right, so that both the app's
      // clock and the database's pass the start.
      const startsAt = new Date(Date.now() + 1500);
      clock.set(new Date(startsAt.getTime() - 11 * MINUTE));
      await (await putSettings(url, admin, { startsAt, version: 0 })).arrayBuffer();
      clock.set(new Date());
      await untilRefused(url, regular);
      return regular;
    }
  }
}

async function untilRefused(url: string, session: Session): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${url}${ROUTE}`, { headers: { cookie: session.cookie } });
    await response.arrayBuffer();
    if (response.status === 503) return;
    if (Date.now() > deadline) throw new Error(`downtime did not start: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A peer's store outlives the instance (the Redis key, the file): the bench leaves nothing behind. */
async function turnOffPeer(variant: Variant, app: NestExpressApplication): Promise<void> {
  if ((PEER_VARIANTS as readonly string[]).includes(variant))
    await app.get(PeerWindowSource).write(null);
}

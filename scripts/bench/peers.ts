import {
  Injectable,
  ServiceUnavailableException,
  type CanActivate,
  type ExecutionContext,
  type OnModuleDestroy,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { principalOf } from '../../src/auth/principal.js';
import { Clock } from '../../src/common/clock.js';
import type { Lockout } from './bench-module.js';

/*
 * The lockouts people use instead, written as their anchors would be in Nest: each reads the state
 * from its store on every request and compares the start with the clock. They share everything but
 * the store, so only the store's cost differs between them.
 */

export const PEER_VARIANTS = ['db-per-request', 'file-per-request', 'redis-per-request'] as const;
export type PeerVariant = (typeof PEER_VARIANTS)[number];

/** What the peers store: the start of the window and the Retry-After to send during downtime. */
export interface PeerWindow {
  startsAt: number;
  retryAfterSeconds: number;
}

/** The store of the window, read on every request. */
export abstract class PeerWindowSource {
  abstract read(): PeerWindow | null | Promise<PeerWindow | null>;
  /** Puts a window in place (null: maintenance off). */
  abstract write(window: PeerWindow | null): Promise<void>;
}

/** Roles that keep working during downtime, like the module's default exemptions. */
const EXEMPT_ROLES = new Set(['CUSTOMER_ADMIN', 'CONSULTANT']);
/** Laravel's `$except`: paths that stay open, so that the exempt can still sign in. */
const EXCEPT = new Set(['/api/auth/login', '/api/auth/logout']);

@Injectable()
export class PeerMaintenanceGuard implements CanActivate {
  constructor(
    private readonly source: PeerWindowSource,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const window = this.source.read();
    // A synchronous store (the file) is not made to wait for a promise.
    return window instanceof Promise
      ? window.then((read) => this.admit(read, context))
      : this.admit(window, context);
  }

  private admit(window: PeerWindow | null, context: ExecutionContext): boolean {
    if (!window || this.clock.now().getTime() < window.startsAt) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(request);
    if (EXCEPT.has(request.path)) return true;
    if (principal.kind === 'user' && EXEMPT_ROLES.has(principal.user.role)) return true;
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(window.retryAfterSeconds));
    throw new ServiceUnavailableException('Down for maintenance');
  }
}

/**
 * thinkjson/django-maintenance, psu-oit/django-downtime: the window is a row, queried on every
 * request (one indexed read of the latest row, through the app's own connection).
 */
@Injectable()
export class DatabaseWindowSource extends PeerWindowSource implements OnModuleInit {
  private static readonly TABLE = 'bench_peer_maintenance_window';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  /** The bench's own table (no migration): the peer brings its store, as the django packages do. */
  async onModuleInit(): Promise<void> {
    await this.dataSource.query(
      `CREATE TABLE IF NOT EXISTS ${DatabaseWindowSource.TABLE} (id INTEGER PRIMARY KEY, starts_at BIGINT NOT NULL, retry_after_seconds INTEGER NOT NULL)`,
    );
  }

  async read(): Promise<PeerWindow | null> {
    const rows = await this.dataSource.query<
      Array<{ starts_at: number; retry_after_seconds: number }>
    >(
      `SELECT starts_at, retry_after_seconds FROM ${DatabaseWindowSource.TABLE} ORDER BY id DESC LIMIT 1`,
    );
    const row = rows[0];
    return row
      ? { startsAt: Number(row.starts_at), retryAfterSeconds: row.retry_after_seconds }
      : null;
  }

  async write(window: PeerWindow | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM ${DatabaseWindowSource.TABLE}`);
      if (window)
        await manager.query(
          `INSERT INTO ${DatabaseWindowSource.TABLE} (id, starts_at, retry_after_seconds) VALUES (1, ?, ?)`,
          [window.startsAt, window.retryAfterSeconds],
        );
    });
  }
}

/**
 * Laravel's `storage/framework/down`, django-maintenance-mode's default state file: a file read on
 * every request. Read synchronously, as PHP and Django do, which is also the cheapest for a small file.
 */
export class FileWindowSource extends PeerWindowSource {
  constructor(private readonly path: string) {
    super();
  }

  read(): PeerWindow | null {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as PeerWindow;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(window: PeerWindow | null): Promise<void> {
    if (window) writeFileSync(this.path, JSON.stringify(window));
    else rmSync(this.path, { force: true });
    return Promise.resolve();
  }
}

/**
 * Laravel's cache driver for `down`, django-maintenance-mode's cache backend: one GET on a shared
 * Redis per request, the anchors' answer for several servers.
 */
export class RedisWindowSource extends PeerWindowSource implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly key: string,
  ) {
    super();
    this.redis = new Redis(url);
  }

  async read(): Promise<PeerWindow | null> {
    const value = await this.redis.get(this.key);
    return value === null ? null : (JSON.parse(value) as PeerWindow);
  }

  async write(window: PeerWindow | null): Promise<void> {
    if (window) await this.redis.set(this.key, JSON.stringify(window));
    else await this.redis.del(this.key);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit();
  }
}

export interface PeerStores {
  /** The state file of file-per-request. */
  file: string;
  redisUrl: string;
  /** The Redis key of redis-per-request, unique per run. */
  redisKey: string;
}

function sourceProvider(variant: PeerVariant, stores: PeerStores): Provider {
  switch (variant) {
    case 'db-per-request':
      return { provide: PeerWindowSource, useClass: DatabaseWindowSource };
    case 'file-per-request':
      return { provide: PeerWindowSource, useFactory: () => new FileWindowSource(stores.file) };
    case 'redis-per-request':
      return {
        provide: PeerWindowSource,
        useFactory: () => new RedisWindowSource(stores.redisUrl, stores.redisKey),
      };
  }
}

/** A peer in place of the module: its store and its guard, nothing else. */
export function peerLockout(variant: PeerVariant, stores: PeerStores): Lockout {
  return {
    imports: [],
    auth: {},
    providers: [
      sourceProvider(variant, stores),
      { provide: APP_GUARD, useClass: PeerMaintenanceGuard },
    ],
  };
}

import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { isTransactionContention } from '../common/dependency-failure.js';

/** Runs of one transaction that lost a lock race (deadlock, serialization failure) before giving up. */
const CONTENTION_ATTEMPTS = 4;

/** Who a write is for: a request's principal, or the platform itself (jobs, sessions, seeding). */
export type WriteActor = Principal | { kind: 'system' };

/** The platform's own writes: scheduled jobs, sessions, counters, demo data. */
export const SYSTEM: WriteActor = { kind: 'system' };

/**
 * R15 at the one write seam: asked inside the transaction of every write of a signed-in principal,
 * after the work and before the commit; it throws (so the transaction rolls back) when downtime
 * refuses that principal. The app binds it to the maintenance module's fence (src/lockout).
 */
export abstract class WriteFence {
  abstract check(manager: EntityManager, actor: Principal): Promise<void>;
  /** The refusal when `error` is the database's own commit-time fence (R15 at COMMIT); else `error`. */
  abstract refusalAtCommit(error: unknown): unknown;
}

/**
 * Runs `work` in a transaction, with no fence: for the maintenance module's own records (its
 * `runInTransaction`). On PostgreSQL that is a plain transaction on a pooled connection. TypeORM's
 * better-sqlite3 driver has one connection for everything, so a second transaction (or a write)
 * started while one is open would join it and be rolled back with it; on SQLite transactions
 * therefore queue one after another (a mutex). Not re-entrant: on SQLite a transaction inside
 * `work` would wait for itself, so pass the manager down.
 * A transaction that PostgreSQL aborted as a deadlock victim or serialization failure did nothing,
 * so it runs again (a few times, after a short random pause); past that the error goes up and the
 * problem filter answers 503 with Retry-After. `work` must therefore only touch the database.
 */
@Injectable()
export class TransactionQueue {
  private readonly serialised: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () =>
      this.retryingContention(() => this.dataSource.transaction((manager) => work(manager)));
    if (!this.serialised) return transaction();
    const result = this.tail.then(transaction);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async retryingContention<T>(transaction: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction();
      } catch (error) {
        if (attempt >= CONTENTION_ATTEMPTS || !isTransactionContention(error)) throw error;
        await delay(randomInt(5, 20 * attempt + 5));
      }
    }
  }
}

/**
 * The one way the app writes: `run(actor, work)` runs `work` in a transaction of the queue, and for
 * a signed-in principal (a user or an integration) asks the write fence last, so that no feature
 * has to remember R15. Anonymous writes (public forms, R13) and the platform's own are not fenced.
 * A lint rule (eslint.config.js) keeps transactions and repository writes elsewhere out of src/.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly queue: TransactionQueue,
    private readonly fence: WriteFence,
  ) {}

  run<T>(actor: WriteActor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.queue
      .run(async (manager) => {
        const result = await work(manager);
        if (actor.kind === 'user' || actor.kind === 'integration')
          await this.fence.check(manager, actor);
        return result;
      })
      .catch((error: unknown) => {
        throw this.fence.refusalAtCommit(error);
      });
  }
}

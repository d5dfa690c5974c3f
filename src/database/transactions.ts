import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isTransactionContention } from '../common/dependency-failure.js';

/** Runs of one transaction that lost a lock race (deadlock, serialization failure) before giving up. */
const CONTENTION_ATTEMPTS = 4;

/**
 * The one way the app writes: `run(work)` runs `work` in a transaction. On PostgreSQL that is a
 * plain transaction on a pooled connection. TypeORM's better-sqlite3 driver has one connection for
 * everything, so a second transaction (or a write) started while one is open would join it and be
 * rolled back with it; on SQLite `run` therefore queues transactions one after another (a mutex).
 * Not re-entrant: on SQLite a `run` inside `work` would wait for itself, so pass the manager down.
 * (No AsyncLocalStorage to detect that: on Node 20 it makes every later promise of the process dearer.)
 * A lint rule (eslint.config.js) keeps transactions and repository writes elsewhere out of src/.
 * A transaction that PostgreSQL aborted as a deadlock victim or serialization failure did nothing,
 * so it runs again (a few times, after a short random pause); past that the error goes up and the
 * problem filter answers 503 with Retry-After. `work` must therefore only touch the database.
 */
@Injectable()
export class Transactions {
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

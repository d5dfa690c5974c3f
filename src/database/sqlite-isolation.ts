import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

type Token = object;

/** EntityManager methods that may open a transaction (explicitly, or implicitly as save/remove do). */
const TRANSACTIONAL_METHODS = ['transaction', 'save', 'remove', 'softRemove', 'recover'] as const;

/**
 * TypeORM's better-sqlite3 driver runs everything on one connection through one shared query runner,
 * so a statement issued by one request while another request's transaction is open would join that
 * transaction (and be rolled back with it). This gives SQLite what PostgreSQL's pool gives for free:
 * operations that may open a transaction carry a token (AsyncLocalStorage); while a token owns the
 * open transaction, every other statement and transaction waits for it to end.
 * Does nothing on other drivers.
 */
export function isolateSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const runner: QueryRunner = dataSource.createQueryRunner(); // the driver's single, shared runner
  const context = new AsyncLocalStorage<Token>();
  let owner: Token | null = null;
  let ended: Promise<void> = Promise.resolve();
  let end = (): void => undefined;

  const manager = dataSource.manager as unknown as Record<
    (typeof TRANSACTIONAL_METHODS)[number],
    (...args: unknown[]) => Promise<unknown>
  >;
  for (const method of TRANSACTIONAL_METHODS) {
    const original = manager[method].bind(manager);
    manager[method] = (...args) => context.run(context.getStore() ?? {}, () => original(...args));
  }

  // To anyone but the owner, the shared runner shows no open transaction, so save() starts its own (and waits).
  let active = runner.isTransactionActive;
  Object.defineProperty(runner, 'isTransactionActive', {
    get: () => active && (owner === null || owner === context.getStore()),
    set: (value: boolean) => {
      active = value;
    },
  });

  const query = runner.query.bind(runner);
  runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
    const mine = context.getStore();
    // Re-checked after every wait and acted on before the next await, so no other owner slips in between.
    while (owner && owner !== mine) await ended;
    return (await query(...args)) as unknown;
  }) as QueryRunner['query'];

  const start = runner.startTransaction.bind(runner);
  runner.startTransaction = async (isolationLevel) => {
    const mine = context.getStore();
    while (owner && owner !== mine) await ended;
    if (!owner && mine) {
      owner = mine;
      ended = new Promise((resolve) => (end = resolve));
    }
    return start(isolationLevel);
  };

  for (const method of ['commitTransaction', 'rollbackTransaction'] as const) {
    const original = runner[method].bind(runner);
    runner[method] = async () => {
      try {
        await original();
      } finally {
        if (!active && owner) {
          owner = null;
          end();
        }
      }
    };
  }
}

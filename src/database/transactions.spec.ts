import { DataSource, QueryFailedError } from 'typeorm';
import { unavailableDependency } from '../common/dependency-failure.js';
import { TransactionQueue } from './transactions.js';

const deadlock = () =>
  new QueryFailedError(
    'UPDATE users',
    [],
    Object.assign(new Error('deadlock detected'), { code: '40P01' }),
  );

/** A PostgreSQL-like DataSource whose transactions fail with `failures` first, then run the work. */
function dataSource(failures: Error[]): { source: DataSource; runs: () => number } {
  let runs = 0;
  const source = {
    options: { type: 'postgres' },
    transaction: (work: (manager: unknown) => Promise<unknown>) => {
      runs += 1;
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : work({});
    },
  } as unknown as DataSource;
  return { source, runs: () => runs };
}

describe('TransactionQueue.run under lock contention', () => {
  it('runs a transaction again after a deadlock or serialization failure', async () => {
    const serialization = Object.assign(new Error('could not serialize'), { code: '40001' });
    const { source, runs } = dataSource([deadlock(), serialization]);
    await expect(new TransactionQueue(source).run(() => Promise.resolve('done'))).resolves.toBe(
      'done',
    );
    expect(runs()).toBe(3);
  });

  it('gives up after 4 runs with the error, which answers 503 (a busy database)', async () => {
    const { source, runs } = dataSource(Array.from({ length: 10 }, deadlock));
    const error: unknown = await new TransactionQueue(source)
      .run(() => Promise.resolve())
      .catch((e: unknown) => e);
    expect(runs()).toBe(4);
    expect(unavailableDependency(error)).toBe('database');
  });

  it('never runs again after any other error', async () => {
    const { source, runs } = dataSource([new Error('a bug')]);
    await expect(new TransactionQueue(source).run(() => Promise.resolve())).rejects.toThrow(
      'a bug',
    );
    expect(runs()).toBe(1);
  });
});

import { QueryFailedError } from 'typeorm';
import {
  DependencyUnavailable,
  isTransactionContention,
  unavailableDependency,
} from './dependency-failure.js';

const driverError = (code: string) =>
  new QueryFailedError('UPDATE x', [], Object.assign(new Error('driver'), { code }));

describe('dependency failures', () => {
  it.each(['40001', '40P01'])('%s is contention, and a busy database', (code) => {
    expect(isTransactionContention(driverError(code))).toBe(true);
    expect(unavailableDependency(driverError(code))).toBe('database');
  });

  it.each([
    ['a lost connection (class 08)', driverError('08006')],
    ['an admin shutdown', driverError('57P01')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s is the database being down', (_case, error) => {
    expect(unavailableDependency(error)).toBe('database');
    expect(isTransactionContention(error)).toBe(false);
  });

  it('names the dependency of a DependencyUnavailable', () => {
    expect(unavailableDependency(new DependencyUnavailable('redis'))).toBe('redis');
  });

  it.each([
    ['a unique violation', driverError('23505')],
    ['a bug', new TypeError('x is undefined')],
    ['a string', 'boom'],
  ])('%s is not a dependency failure', (_case, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});

import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from './problem.js';

/** A service the app needs (the rate-limit store, …) did not answer in time; the request cannot go on. */
export class DependencyUnavailable extends Error {
  constructor(
    readonly dependency: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
    this.name = 'DependencyUnavailable';
  }
}

/** PostgreSQL's serialization failure and deadlock: the transaction did nothing and may run again. */
const CONTENTION_CODES = new Set(['40001', '40P01']);
/** PostgreSQL refusing or losing connections: admin/crash shutdown, starting up, too many clients. */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY']);
/** The network below a driver. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
/** node-postgres says these in words only. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  return codeOf((error as { driverError?: unknown }).driverError);
}

/** A transaction that lost a lock race (PostgreSQL) and may simply run again. */
export function isTransactionContention(error: unknown): boolean {
  return CONTENTION_CODES.has(codeOf(error) ?? '');
}

/** What went missing behind `error`, when it is a dependency that is down or busy (not a bug). */
export function unavailableDependency(error: unknown): string | undefined {
  if (error instanceof DependencyUnavailable) return error.dependency;
  const code = codeOf(error) ?? '';
  if (CONTENTION_CODES.has(code) || UNAVAILABLE_CODES.has(code) || code.startsWith('08')) {
    return 'database';
  }
  if (NETWORK_CODES.has(code)) return 'database';
  if (error instanceof Error && LOST_CONNECTION.test(error.message)) return 'database';
  return undefined;
}

/** Seconds a client is asked to wait before retrying a request that met a dependency that was down. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After for a dependency that is down or busy; never says which one (that is for the logs). */
export function dependencyUnavailableProblem(): ProblemException {
  return new ProblemException(
    {
      type: problemType('service-unavailable'),
      title: 'Service unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The service is briefly unavailable; try again shortly.',
    },
    { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) },
    {
      nl: {
        title: 'Dienst niet beschikbaar',
        detail: 'De dienst is even niet beschikbaar; probeer het zo opnieuw.',
      },
    },
  );
}

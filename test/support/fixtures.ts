import request from 'supertest';
import { DEMO, DEMO_PASSWORD, login, type LoggedIn } from './sessions.js';
import { startTestApp, type StartTestAppOptions, type TestApp } from './test-app.js';

export type Who = keyof typeof DEMO;
export type Sessions = Record<Who, LoggedIn>;

export interface SignedInApp {
  t: TestApp;
  as: Sessions;
}

/** Sessions for every demo user, taken before any downtime (logging in during it is refused). */
export async function loginAll(t: TestApp): Promise<Sessions> {
  const who = Object.keys(DEMO) as Who[];
  const sessions = await Promise.all(who.map((w) => login(t.url, DEMO[w])));
  return Object.fromEntries(who.map((w, i) => [w, sessions[i]])) as Sessions;
}

/**
 * Starts an app before the enclosing describe block's tests and closes it after them. The object
 * is filled in place in `beforeAll`, so it can be taken at describe time and used in the tests.
 */
export function useTestApp(options: StartTestAppOptions = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await startTestApp(options));
  });
  afterAll(async () => {
    await t.close();
  });
  return t;
}

/** `useTestApp`, with every demo user signed in (in `beforeAll`, after the start). */
export function useSignedInApp(options: StartTestAppOptions = {}): SignedInApp {
  const t = useTestApp(options);
  const as = {} as Sessions;
  beforeAll(async () => {
    Object.assign(as, await loginAll(t));
  });
  return { t, as };
}

/** How many rows `from` has: a table, optionally followed by a WHERE clause. */
export async function countRows(t: TestApp, from: string): Promise<number> {
  return Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${from}`))[0].n);
}

/** A raw login request, for asserting on the response itself (`login` throws unless 200). */
export function attemptLogin(t: TestApp, email: string, password = DEMO_PASSWORD): request.Test {
  return request(t.url).post('/api/auth/login').send({ email, password });
}

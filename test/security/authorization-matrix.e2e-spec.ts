import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginAll, type Sessions } from '../support/fixtures.js';
import { enterDowntime, scheduleDowntime } from '../support/maintenance.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recordFigure } from './figures.js';
import { concretePath, credentials, PRINCIPALS, routesOf, send, type Route } from './routes.js';

const EXPECTED = join(dirname(fileURLToPath(import.meta.url)), 'authorization-matrix.txt');
const STATES = ['off', 'scheduled', 'active'] as const;

/** A route as the expected table names it. */
const routeKey = (route: Route): string => `${route.method} ${route.path}`;

/** `anonymous=401/401/503 agency=…`: each principal's status when off / scheduled / active. */
function formatRow(statuses: Map<string, number[]>): string {
  return PRINCIPALS.map((who) => `${who}=${statuses.get(who)!.join('/')}`).join(' ');
}

function parseExpected(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(\S+ \S+)\s+(.*)$/.exec(line.trim());
    if (match) rows.set(match[1], match[2]);
  }
  return rows;
}

/**
 * Every route × every principal × off / scheduled / active, against the table committed in
 * authorization-matrix.txt. A route without a row fails; so does a row for a route that is gone.
 * Regenerate on purpose with UPDATE_AUTH_MATRIX=1 and review the diff.
 *
 * Each request carries an empty JSON object as its body (a write) and an existing demo id in its
 * path: it shows who gets past authentication and the lockout (then 2xx, 400 or 404) and who
 * does not (401, 403, 503, 303). Logout runs last in each state, as it ends the session.
 */
describe('authorization matrix (issue 8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SESSION_IDLE_MINUTES: '10000000',
        SESSION_ABSOLUTE_HOURS: '10000000',
        // Every cell comes from one address: the submission limit must not decide any of them.
        PUBLIC_SUBMISSIONS_PER_MINUTE: '100000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the committed table for every route, principal and state', async () => {
    const routes = routesOf(t).sort((a, b) =>
      a.path === '/api/auth/logout' ? 1 : b.path === '/api/auth/logout' ? -1 : 0,
    );
    const statuses = new Map(routes.map((route) => [routeKey(route), new Map<string, number[]>()]));
    let cells = 0;
    for (const state of STATES) {
      if (state === 'scheduled') await scheduleDowntime(t);
      // Sessions are taken before downtime starts: logging in during it is refused (R12).
      const sessions: Sessions = await loginAll(t);
      if (state === 'active') await enterDowntime(t);
      for (const route of routes) {
        for (const who of PRINCIPALS) {
          const write = route.method !== 'GET';
          const response = await send(
            t,
            route.method,
            concretePath(route.path),
            {
              ...credentials(who, sessions),
              Accept: route.path.startsWith('/api/') ? 'application/json' : 'text/html',
            },
            write ? '{}' : undefined,
          );
          const row = statuses.get(routeKey(route))!;
          row.set(who, [...(row.get(who) ?? []), response.status]);
          cells++;
        }
      }
    }
    const actual =
      [...statuses].map(([key, row]) => `${key.padEnd(56)} ${formatRow(row)}`).join('\n') + '\n';
    if (process.env.UPDATE_AUTH_MATRIX === '1') writeFileSync(EXPECTED, actual);
    const expected = parseExpected(readFileSync(EXPECTED, 'utf8'));
    const missing = [...statuses.keys()].filter((key) => !expected.has(key));
    expect({ routesWithoutAnExpectedRow: missing }).toEqual({ routesWithoutAnExpectedRow: [] });
    const gone = [...expected.keys()].filter((key) => !statuses.has(key));
    expect({ rowsForRoutesThatAreGone: gone }).toEqual({ rowsForRoutesThatAreGone: [] });
    for (const [key, row] of statuses)
      expect(`${key} ${formatRow(row)}`).toBe(`${key} ${expected.get(key)}`);
    recordFigure('authorization matrix cells checked', cells);
    expect(cells).toBe(routes.length * PRINCIPALS.length * STATES.length);
  }, 180_000);
});

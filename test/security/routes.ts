import request from 'supertest';
import { DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_DECLARATIONS } from '../../src/declarations/declarations.demo-seeder.js';
import { MaintenanceRoutePolicy } from '../../src/lockout/route-policy.js';
import { DEMO_FORM_ID } from '../../src/public-forms/public-forms.demo-seeder.js';
import type { Sessions } from '../support/fixtures.js';
import { bearer, withSession } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';

export interface Route {
  method: string;
  /** With `:name` parameters, as in the route list (`npm run routes`). */
  path: string;
}

/** Every route of the app, from the same list as `npm run routes`. */
export function routesOf(t: TestApp): Route[] {
  return t.app
    .get(MaintenanceRoutePolicy)
    .rows()
    .map(({ method, path }) => ({ method, path }));
}

export function isJsonRoute(route: Route): boolean {
  return route.path.startsWith('/api/') && !route.path.startsWith('/api/docs');
}

/** A path with every parameter set to an existing demo resource. */
export function concretePath(path: string): string {
  return path
    .replace(/^\/api\/contracts\/:id|^\/contracts\/:id/, (p) =>
      p.replace(':id', DEMO_CONTRACTS.warehouse),
    )
    .replace(/^\/api\/declarations\/:id|^\/declarations\/:id/, (p) =>
      p.replace(':id', DEMO_DECLARATIONS.open),
    )
    .replace(':formId', DEMO_FORM_ID)
    .replace('/assets/:name', '/assets/app.js')
    .replace(':id', '00000000-0000-4000-8000-00000000ffff');
}

/** The eight kinds of caller of the authorization matrix. */
export const PRINCIPALS = [
  'anonymous',
  'agency',
  'client',
  'candidate',
  'admin',
  'consultant',
  'third-party',
  'backoffice',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** The headers a caller sends: a session cookie and CSRF token, a bearer token, or nothing. */
export function credentials(who: PrincipalName, sessions: Sessions): Record<string, string> {
  switch (who) {
    case 'anonymous':
      return {};
    case 'third-party':
      return bearer('demo-third-party-token');
    case 'backoffice':
      return bearer('demo-backoffice-token');
    default:
      return withSession(sessions[who]);
  }
}

/** Sends `method path` with headers and, for a write, a JSON body. */
export function send(
  t: TestApp,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): request.Test {
  const call = request(t.url)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](
    path,
  );
  call.set(headers);
  if (body !== undefined) call.set('Content-Type', 'application/json').send(body);
  return call;
}

import request from 'supertest';
import { DEMO_SAVED_SEARCH_ID } from '../../src/alerts/alerts.demo-seeder.js';
import { RouteCatalog } from '../../src/common/route-catalog.js';
import { DEMO_CANDIDATE_ID, DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_VACANCIES } from '../../src/public-forms/public-forms.demo-seeder.js';
import { DEMO_COMPANY_ID } from '../../src/users/identity.demo-seeder.js';
import { countRows, useSignedInApp } from '../support/fixtures.js';
import { HOUR, schedule, turnOff } from '../support/maintenance.js';
import { HoldingFence } from '../support/write-fence.js';
import { concretePath, credentials, type PrincipalName } from '../security/routes.js';
import { LONG_SESSIONS } from './support.js';

/**
 * What a regular principal's write on each route meets at the start of downtime:
 * - `fenced`: it passes the guard before the start, is held at the write fence in Transactions.run
 *   while the start passes, and is then rolled back and refused (503, or 303 for a page, R14/R15);
 * - `forbidden`: the principal cannot reach the write at all (403 before any transaction);
 * - `open`: the route stays open during downtime (R12, R13, R18), with the answer it gets then.
 * The table must list every write route of the catalogue, so a new one fails here until it is placed.
 */
type WriteCase =
  | { kind: 'fenced'; who: PrincipalName; path?: string; body: Record<string, unknown> }
  | { kind: 'forbidden'; who: PrincipalName }
  | { kind: 'open'; who: PrincipalName; body?: Record<string, unknown>; during: number };

const contract = {
  title: 'Walked',
  candidateId: DEMO_CANDIDATE_ID,
  clientCompanyId: DEMO_COMPANY_ID,
  startDate: '2026-05-01',
  hourlyRate: 20,
};
const declaration = {
  contractId: DEMO_CONTRACTS.warehouse,
  periodStart: '2025-06-02',
  periodEnd: '2025-06-02',
  hours: 8,
};

const WRITE_ROUTES: Record<string, WriteCase> = {
  'POST /admin/connect/settings': { kind: 'forbidden', who: 'agency' },
  'POST /admin/users': { kind: 'forbidden', who: 'agency' },
  'POST /admin/users/:id/invitation': { kind: 'forbidden', who: 'agency' },
  'POST /admin/users/:id/status': { kind: 'forbidden', who: 'agency' },
  'POST /admin/users/companies': { kind: 'forbidden', who: 'agency' },
  'POST /api/admin/companies': { kind: 'forbidden', who: 'agency' },
  'PATCH /api/admin/companies/:id': { kind: 'forbidden', who: 'agency' },
  'PUT /api/admin/connect/settings/maintenance': { kind: 'forbidden', who: 'agency' },
  'POST /api/admin/users': { kind: 'forbidden', who: 'agency' },
  'PATCH /api/admin/users/:id': { kind: 'forbidden', who: 'agency' },
  'POST /api/admin/users/:id/invitation': { kind: 'forbidden', who: 'agency' },
  'POST /api/alerts/saved-searches': {
    kind: 'fenced',
    who: 'candidate',
    body: { keyword: 'forklift' },
  },
  'DELETE /api/alerts/saved-searches/:id': {
    kind: 'fenced',
    who: 'candidate',
    path: `/api/alerts/saved-searches/${DEMO_SAVED_SEARCH_ID}`,
    body: {},
  },
  // R13: activation is open to everybody; without a valid token it is a 400.
  'POST /api/auth/activate': {
    kind: 'open',
    who: 'anonymous',
    body: { token: 'no-such-token', password: 'a-long-enough-password' },
    during: 400,
  },
  // R12: a regular user's right password gets the refusal, not a session.
  'POST /api/auth/login': {
    kind: 'open',
    who: 'anonymous',
    body: { email: 'client@demo.test', password: 'demo-password' },
    during: 503,
  },
  'POST /api/auth/logout': { kind: 'open', who: 'client', during: 204 },
  // The back-office link is for its machine client only (R18 keeps it open for that client).
  'POST /api/backoffice/mutations': { kind: 'open', who: 'agency', body: {}, during: 403 },
  'POST /api/contracts': { kind: 'fenced', who: 'agency', body: contract },
  'PATCH /api/contracts/:id': { kind: 'fenced', who: 'agency', body: { title: 'Too late' } },
  'POST /api/declarations': { kind: 'fenced', who: 'candidate', body: declaration },
  'PATCH /api/declarations/:id': { kind: 'fenced', who: 'client', body: { status: 'approved' } },
  // A third party's messages are neither stored nor queued (R18); a user may not send them at all.
  'POST /api/integrations/messages': {
    kind: 'fenced',
    who: 'third-party',
    body: { type: 'ping', payload: {} },
  },
  // The module's own record that the notice was seen: refused by the guard during downtime.
  'POST /api/maintenance/notice/ack': { kind: 'open', who: 'candidate', body: {}, during: 503 },
  'POST /api/public/forms/:formId/submissions': {
    kind: 'open',
    who: 'candidate',
    body: { fields: { name: 'Walker', email: 'walker@example.test', message: 'Hello' } },
    during: 201,
  },
  'POST /api/public/job-applications': {
    kind: 'open',
    who: 'candidate',
    body: {
      vacancyId: DEMO_VACANCIES.developer,
      name: 'Walker',
      email: 'walker@example.test',
      motivation: 'Walking every route.',
    },
    during: 201,
  },
  'POST /contracts': { kind: 'fenced', who: 'agency', body: contract },
  'POST /contracts/:id': { kind: 'fenced', who: 'agency', body: { title: 'Too late' } },
  'POST /declarations': { kind: 'fenced', who: 'candidate', body: declaration },
  'POST /declarations/:id': { kind: 'fenced', who: 'client', body: { decision: 'approved' } },
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** R15 for every write route: the write fence sits in Transactions.run, not in each feature. */
describe('every write route at the start of downtime', () => {
  const fence = new HoldingFence();
  const { t, as } = useSignedInApp({ env: LONG_SESSIONS, override: fence.override });

  const send = (key: string, who: PrincipalName, body: Record<string, unknown> | undefined) => {
    const [method, template] = key.split(' ');
    const entry = WRITE_ROUTES[key];
    const path = (entry.kind === 'fenced' && entry.path) || concretePath(template);
    const call = request(t.url)
      [method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path)
      .set(credentials(who, as))
      .redirects(0);
    // Pages post forms; the API takes JSON.
    return template.startsWith('/api/')
      ? call.send(body ?? {})
      : call.type('form').send(body ?? {});
  };

  /** The rows of the tables these writes insert into or delete from. */
  const rowCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['contracts', 'declarations', 'saved_searches', 'integration_messages'].map(
          async (table) => [table, await countRows(t, table)] as const,
        ),
      ),
    );

  const expectRefused = (key: string, response: request.Response) => {
    if (key.split(' ')[1].startsWith('/api/')) {
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
    } else {
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/maintenance');
    }
  };

  it('places every write route of the catalogue', () => {
    const routes = t.app
      .get(RouteCatalog)
      .routes()
      .filter((route) => WRITE_METHODS.has(route.method))
      .map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(WRITE_ROUTES).sort()).toEqual([...new Set(routes)].sort());
  });

  it.each(Object.entries(WRITE_ROUTES).filter(([, entry]) => entry.kind === 'fenced'))(
    '%s: held across the start, it is rolled back and refused',
    async (key, entry) => {
      if (entry.kind !== 'fenced') return;
      await schedule(t, as.admin, HOUR);
      const before = await rowCounts();
      const { reached, release } = fence.arm();
      const pending = send(key, entry.who, entry.body).then((response) => response);
      const first = await Promise.race([reached.then(() => 'held'), pending]);
      // The write reached the fence before the start; anything else is reported with its answer.
      expect(first === 'held' ? first : (first as request.Response).body).toBe('held');
      t.clock.advance(HOUR + 1000);
      release();
      expectRefused(key, await pending);
      expect(await rowCounts()).toEqual(before);
      // During downtime the guard refuses it before any write.
      expectRefused(key, await send(key, entry.who, entry.body));
      await turnOff(t, as.admin);
    },
  );

  it.each(Object.entries(WRITE_ROUTES).filter(([, entry]) => entry.kind === 'forbidden'))(
    '%s: a regular user is refused before any write, also during downtime',
    async (key, entry) => {
      expect((await send(key, entry.who, {})).status).toBe(403);
      await schedule(t, as.admin, HOUR);
      t.clock.advance(HOUR + 1000);
      const during = await send(key, entry.who, {});
      expect([403, 503, 303]).toContain(during.status);
      await turnOff(t, as.admin);
    },
  );

  it.each(Object.entries(WRITE_ROUTES).filter(([, entry]) => entry.kind === 'open'))(
    '%s: open during downtime, as the rules say',
    async (key, entry) => {
      if (entry.kind !== 'open') return;
      await schedule(t, as.admin, HOUR);
      t.clock.advance(HOUR + 1000);
      expect((await send(key, entry.who, entry.body)).status).toBe(entry.during);
      await turnOff(t, as.admin);
    },
  );
});

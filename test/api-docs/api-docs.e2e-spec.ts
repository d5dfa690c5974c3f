import { readFileSync } from 'node:fs';
import request from 'supertest';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/openapi-types.js';
import { RouteContracts } from '../../src/api-docs/route-contract.js';
import { unmappedValidators } from '../../src/api-docs/validation-schema.js';
import { MaintenanceRoutePolicy } from '../../src/lockout/route-policy.js';
import { useTestApp } from '../support/fixtures.js';
import { enterDowntime, turnOff } from '../support/maintenance.js';
import { login, DEMO, DEMO_PASSWORD } from '../support/sessions.js';
import { testDatabaseKind, type TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://staffing.example.test';
const PROBLEM = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const SOME_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  operationId: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    schema?: { format?: string };
  }>;
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

function fieldsOf(body: unknown): string[] {
  return ((body as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
}

type ApiDocument = {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: {
    responses: Record<string, { content?: Record<string, unknown> }>;
    securitySchemes: Record<string, unknown>;
  };
};

function operationsOf(document: ApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ ...item[method], method, path })),
  );
}

/** The operation's path with every parameter filled in, e.g. /api/contracts/<uuid>. */
function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, SOME_ID);
}

/** The lockout's 503 (a handler may list a 503 of its own, e.g. the login's R12). */
function refusalListed(operation: Operation): boolean {
  return operation.responses['503']?.$ref === '#/components/responses/MaintenanceRefusal';
}

function call(t: TestApp, operation: Operation, headers: Record<string, string> = {}) {
  const test = request(t.url)[operation.method](concrete(operation.path)).set(headers);
  return operation.method === 'get' ? test : test.send({});
}

describe(`the API document at /api/docs-json (${testDatabaseKind()})`, () => {
  describe('served (the default)', () => {
    const t = useTestApp({ env: { PUBLIC_URL } });
    let document: ApiDocument;
    let operations: Operation[];

    beforeAll(async () => {
      const response = await request(t.url).get('/api/docs-json');
      expect(response.status).toBe(200);
      document = response.body as ApiDocument;
      operations = operationsOf(document);
    });

    it('names PUBLIC_URL as its server', () => {
      expect(document.servers).toEqual([{ url: PUBLIC_URL }]);
    });

    it('gives every operation a summary and a security declaration', () => {
      expect(operations.length).toBeGreaterThan(20);
      for (const operation of operations) {
        expect({ id: operation.operationId, summary: operation.summary }).toEqual({
          id: operation.operationId,
          summary: expect.stringMatching(/\S/),
        });
        expect({ id: operation.operationId, security: operation.security }).toEqual({
          id: operation.operationId,
          security: expect.any(Array),
        });
      }
    });

    it('answers every 4xx and 5xx it lists in problem+json', () => {
      for (const operation of operations) {
        for (const [status, answer] of Object.entries(operation.responses)) {
          if (!/^[45]/.test(status)) continue;
          const resolved = answer.$ref
            ? document.components.responses[answer.$ref.split('/').pop() ?? '']
            : answer;
          expect({
            id: operation.operationId,
            status,
            types: Object.keys(resolved.content ?? {}),
          }).toEqual({ id: operation.operationId, status, types: [PROBLEM] });
        }
      }
    });

    it('lists the maintenance refusal on exactly the routes the lockout refuses', () => {
      const refused = new Set(
        t.app
          .get(MaintenanceRoutePolicy)
          .rows()
          .filter((row) => row.policy === 'exempt-only')
          .map((row) => `${row.method} ${row.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      for (const operation of operations) {
        const key = `${operation.method.toUpperCase()} ${operation.path}`;
        expect({ key, lists503: refusalListed(operation) }).toEqual({
          key,
          lists503: refused.has(key),
        });
      }
    });

    it('declares the security the guards enforce: no credentials, 401 unless public', async () => {
      for (const operation of operations) {
        const status = (await call(t, operation)).status;
        const key = `${operation.method.toUpperCase()} ${operation.path} → ${status}`;
        const needsCredentials =
          operation.security?.length !== 0 &&
          !operation.security?.some((r) => !Object.keys(r).length);
        expect({ key, unauthorized: status === 401 }).toEqual({
          key,
          unauthorized: needsCredentials,
        });
        if (needsCredentials) expect(operation.responses).toHaveProperty('401');
      }
    });

    it('declares the CSRF header where a session write without it is refused with 403', async () => {
      const session = await login(t.url, DEMO.admin);
      expect(Object.keys(document.components.securitySchemes)).toEqual(['session', 'bearer']);
      for (const operation of operations) {
        const csrf = operation.parameters?.some(
          (p) => p.in === 'header' && p.name === 'X-CSRF-Token',
        );
        if (csrf) expect(operation.responses).toHaveProperty('403');
        if (!operation.security?.some((requirement) => 'session' in requirement)) continue;
        const status = (await call(t, operation, { Cookie: session.cookie })).status;
        const key = `${operation.method.toUpperCase()} ${operation.path} → ${status}`;
        expect({ key, refused: status === 403 && csrf }).toEqual({ key, refused: !!csrf });
      }
    });

    it('is what happens during downtime: 503 where it lists the refusal, and nowhere else', async () => {
      await enterDowntime(t);
      try {
        for (const operation of operations) {
          const response = await call(t, operation);
          const key = `${operation.method.toUpperCase()} ${operation.path}`;
          expect({ key, refused: response.status === 503 }).toEqual({
            key,
            refused: refusalListed(operation),
          });
        }
      } finally {
        t.clock.set(new Date());
        await turnOff(t);
      }
    });

    it('answers a path id that is not a UUID with 400 naming it, where it documents a uuid', async () => {
      const sessions = await Promise.all(Object.values(DEMO).map((email) => login(t.url, email)));
      const withIds = operations.filter((operation) =>
        operation.parameters?.some((p) => p.in === 'path' && p.schema?.format === 'uuid'),
      );
      expect(withIds.length).toBeGreaterThan(5);
      for (const operation of withIds) {
        const name = operation.parameters?.find((p) => p.in === 'path')?.name ?? '';
        // As the first role the guards let through (they answer before the id is read).
        let response: request.Response | undefined;
        for (const session of sessions) {
          response = await request(t.url)
            [operation.method](operation.path.replace(`{${name}}`, 'not-an-id'))
            .set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken })
            .send(operation.method === 'get' ? undefined : {});
          if (response.status !== 403) break;
        }
        if (!response) throw new Error('no session');
        const key = `${operation.method.toUpperCase()} ${operation.path}`;
        expect({ key, status: response.status, fields: fieldsOf(response.body) }).toEqual({
          key,
          status: 400,
          fields: [name],
        });
        expect(operation.responses).toHaveProperty('400');
      }
    });

    it('answers 405 with Allow, as problem+json, to a method a known path does not have', async () => {
      for (const [path, item] of Object.entries(document.paths)) {
        const allowed = METHODS.filter((method) => item[method]).map((m) => m.toUpperCase());
        for (const method of ['TRACE', 'PUT', 'DELETE'].filter((m) => !allowed.includes(m))) {
          const response = await request(t.url)[method.toLowerCase() as 'trace'](concrete(path));
          const key = `${method} ${path}`;
          expect({ key, status: response.status }).toEqual({ key, status: 405 });
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          const allow = String(response.headers.allow).split(', ');
          expect(allow).toEqual(expect.arrayContaining(allowed));
          expect(allow).not.toContain(method);
        }
      }
      const unknown = await request(t.url).trace('/api/no-such-thing');
      expect(unknown.status).toBe(404);
    });

    it('documents 413 and 415 on every operation with a body, and they happen', async () => {
      const withBody = operations.filter((operation) => operation.requestBody);
      expect(withBody.length).toBeGreaterThan(10);
      for (const operation of withBody) {
        expect(operation.responses).toHaveProperty('413');
        expect(operation.responses).toHaveProperty('415');
      }
      const login = withBody.find((o) => o.path === '/api/auth/login');
      if (!login) throw new Error('no login operation');
      const text = await request(t.url).post(login.path).type('text/plain').send('x');
      expect(text.status).toBe(415);
      const large = await request(t.url)
        .post(login.path)
        .send({ email: 'x'.repeat(200 * 1024), password: 'x' });
      expect(large.status).toBe(413);
    });

    it('documents 400 on every operation: a path that is not valid UTF-8 is refused anywhere', async () => {
      for (const operation of operations) {
        expect({ id: operation.operationId, has400: '400' in operation.responses }).toEqual({
          id: operation.operationId,
          has400: true,
        });
      }
      const response = await request(t.url).get('/api/maintenance/status?x=%FF');
      expect(response.status).toBe(400);
    });

    it('describes every validator of every body and query (none adds nothing)', () => {
      const contracts = [...t.app.get(RouteContracts).byOperationId().values()];
      const classes = contracts.flatMap((c) => [c.body, c.query]).filter((c) => c !== undefined);
      expect(classes.length).toBeGreaterThan(10);
      expect(classes.flatMap(unmappedValidators)).toEqual([]);
    });

    it('gives no example that signs in with working credentials', () => {
      expect(JSON.stringify(document)).not.toContain(DEMO.admin);
      expect(JSON.stringify(document)).not.toContain(DEMO_PASSWORD);
    });

    it('matches the committed client types (regenerate with npm run openapi:types)', async () => {
      const committed = readFileSync(API_TYPES_FILE, 'utf8');
      expect(await renderApiTypes(document as never)).toBe(committed);
    });
  });

  describe('with API_DOCS=false', () => {
    const t = useTestApp({ env: { API_DOCS: 'false', DEMO_DATA: 'false' } });

    it.each(['/api/docs-json', '/api/docs'])('does not serve %s', async (path) => {
      const response = await request(t.url).get(path).set('Accept', 'application/json');
      expect(response.status).toBe(404);
    });
  });
});

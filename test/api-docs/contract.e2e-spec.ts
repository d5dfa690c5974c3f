import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { useSignedInApp } from '../support/fixtures.js';
import {
  arbitraryOf,
  breakages,
  validatorOf,
  type References,
  type Schema,
} from '../support/schema-arbitrary.js';
import { bearer } from '../support/sessions.js';
import { testDatabaseKind } from '../support/test-app.js';

/**
 * The API against its own document, checked by a tool we did not write: every request goes through
 * Stoplight Prism's validation proxy (`prism proxy --errors`), which refuses a request the document
 * does not allow (422) and turns an answer the document does not describe into a 500. Bodies are
 * generated from the document's schemas (fast-check, seed fixed; CONTRACT_SEED to replay): valid
 * ones must pass Prism and the server; each single-field breakage must be refused by both, the
 * server naming the field.
 */

const SEED = Number(process.env.CONTRACT_SEED ?? 21);
const RUNS = 8;
const PRISM_ERROR = /stoplight\.io\/prism\/errors/;
const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const TOKENS = [bearer('demo-third-party-token'), bearer('demo-backoffice-token')];

interface Operation {
  method: (typeof WRITES)[number];
  path: string;
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `prism proxy --errors` in front of the app, with the document the app serves. */
async function startPrism(appUrl: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const prism = spawn(
    process.execPath,
    [
      'node_modules/@stoplight/prism-cli/dist/index.js',
      'proxy',
      '--errors',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      `${appUrl}/api/docs-json`,
      appUrl,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) resolve();
    };
    prism.stdout.on('data', read);
    prism.stderr.on('data', read);
    prism.once('exit', (code) => reject(new Error(`prism exited (${code}): ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: prism };
}

describe(`the API against its document, through Prism (${testDatabaseKind()})`, () => {
  // Limits high enough for the generated traffic from one address (the throttles have tests of their own).
  const { t, as } = useSignedInApp({
    env: {
      PUBLIC_SUBMISSIONS_PER_MINUTE: '100000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '100000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    },
  });
  let prism: { url: string; process: ChildProcess };
  let document: Document;
  let references: References;
  const figures = {
    valid: 0,
    success: 0,
    invalid: 0,
    violations: [] as string[],
    /** Status counts of the valid bodies, by operation. */
    statuses: {} as Record<string, Record<string, number>>,
  };

  beforeAll(async () => {
    document = (await request(t.url).get('/api/docs-json')).body as Document;
    prism = await startPrism(t.url);
    const ids = async (
      path: string,
      who = as.admin,
      pick = (item: Record<string, string>) => item.id,
    ) =>
      (
        (await request(t.url).get(path).set('Cookie', who.cookie)).body as {
          items: Array<Record<string, string>>;
        }
      ).items
        .map(pick)
        .filter(Boolean);
    const companies = await ids('/api/admin/users?role=CLIENT', as.admin, (user) => user.companyId);
    references = {
      companyId: fc.constantFrom(...companies),
      clientCompanyId: fc.constantFrom(...companies),
      candidateId: fc.constantFrom(...(await ids('/api/admin/users?role=CANDIDATE'))),
      contractId: fc.constantFrom(...(await ids('/api/contracts', as.candidate))),
      vacancyId: fc.constantFrom(...(await ids('/api/public/vacancies'))),
    };
  }, 180_000);

  afterAll(() => {
    prism?.process.kill();
    process.stdout.write(`contract figures: ${JSON.stringify(figures)}\n`);
  });

  function writes(): Operation[] {
    return Object.entries(document.paths).flatMap(([path, item]) =>
      WRITES.filter((method) => item[method]).map((method) => ({ ...item[method], method, path })),
    );
  }

  /** Headers of the first caller the guards let through (a role or an integration token). */
  async function callerOf(operation: Operation): Promise<Record<string, string>> {
    const candidates: Array<Record<string, string>> = operation.security?.some((s) => 'bearer' in s)
      ? TOKENS
      : [{}, ...Object.values(as).map((s) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrfToken }))];
    for (const headers of candidates) {
      const status = (await send(t.url, operation, headers, {}, concrete(operation, 'x'))).status;
      if (status !== 401 && status !== 403) return headers;
    }
    throw new Error(`no caller may ${operation.operationId}`);
  }

  function concrete(operation: Operation, id: string): string {
    return operation.path.replace(/\{[^}]+\}/g, id);
  }

  function send(
    base: string,
    operation: Operation,
    headers: Record<string, string>,
    body: unknown,
    path: string,
  ): request.Test {
    // A fresh value for each other required header (an idempotency key names one request).
    const required = (operation.parameters ?? []).filter(
      (p) => p.in === 'header' && p.required && !(p.name in headers),
    );
    const own = Object.fromEntries(required.map((p) => [p.name, randomUUID()]));
    return request(base)
      [operation.method](path)
      .set({ ...headers, ...own })
      .send(body as object);
  }

  type Body = Record<string, unknown>;
  const instant = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

  /**
   * Rules the schema cannot say, per operation: `accepts` narrows the generated valid bodies to the
   * ones the server's cross-field rules allow, `arrange` fills in what only live state can tell, read
   * just before the request. An operation listed here must answer 2xx to every generated valid body.
   */
  const arranged: Record<
    string,
    {
      accepts?: (body: Body) => boolean;
      arrange?: (body: Body, headers: Record<string, string>, path: string) => Promise<Body>;
    }
  > = {
    // A keyword or a location.
    SavedSearchesController_create: {
      accepts: (body) => body.keyword != null || body.location != null,
    },
    // The current version (optimistic lock) and a window well past the earliest start R2 accepts.
    MaintenanceSettingsController_update: {
      arrange: async (body, headers, path) => {
        const current = (await request(t.url).get(path).set(headers)).body as {
          version: number;
          earliestStartsAt: string;
        };
        const start = Date.parse(current.earliestStartsAt) + 24 * 3_600_000;
        return {
          ...body,
          version: current.version,
          startsAt: instant(start),
          expectedEndAt: body.expectedEndAt === null ? null : instant(start + 3_600_000),
        };
      },
    },
  };

  /** A path for the operation: its resource's first listed id (seeded demo data). */
  async function pathOf(operation: Operation, headers: Record<string, string>): Promise<string> {
    if (!operation.path.includes('{')) return operation.path;
    const collection = operation.path.replace(/\/\{[^}]+\}.*$/, '');
    const listed = await request(t.url).get(collection).set(headers);
    const items = (listed.body as { items?: Array<{ id: string }> }).items ?? [];
    return concrete(operation, items.at(-1)?.id ?? '00000000-0000-4000-8000-000000000000');
  }

  it('refuses what the document refuses, and accepts what it accepts, in both directions', async () => {
    const operations = writes().filter((operation) => operation.requestBody);
    const problems: string[] = [];
    expect(operations.length).toBeGreaterThan(8);
    for (const operation of operations) {
      const name = operation.requestBody!.content['application/json'].schema.$ref.split('/').pop()!;
      const schema = document.components.schemas[name];
      const valid = validatorOf(schema);
      const headers = await callerOf(operation);
      const path = await pathOf(operation, headers);
      const rules = arranged[operation.operationId] ?? {};
      const accepts = rules.accepts ?? (() => true);
      const bodies = fc.sample(
        arbitraryOf(schema, references).filter((body) => valid(body) && accepts(body as Body)),
        { numRuns: RUNS, seed: SEED },
      ) as Body[];
      for (const [index, generated] of bodies.entries()) {
        const body = rules.arrange ? await rules.arrange(generated, headers, path) : generated;
        figures.valid += 1;
        const response = await send(prism.url, operation, headers, body, path);
        const key = `${operation.operationId} ${JSON.stringify(body)} → ${response.status}`;
        if (PRISM_ERROR.test(JSON.stringify(response.body))) {
          figures.violations.push(`${key} ${JSON.stringify(response.body)}`);
        } else if (!(String(response.status) in operation.responses)) {
          problems.push(`${key}: not documented`);
        }
        if (response.status < 300) figures.success += 1;
        else if (operation.operationId in arranged) problems.push(`${key}: valid, refused`);
        const counts = (figures.statuses[operation.operationId] ??= {});
        counts[response.status] = (counts[response.status] ?? 0) + 1;
        // Each way to break a field, on the first valid body.
        for (const broken of index === 0 ? breakages(schema, body) : []) {
          if (valid(broken.body)) continue;
          figures.invalid += 1;
          const direct = await send(t.url, operation, headers, broken.body, path);
          const fields = ((direct.body as { errors?: Array<{ field: string }> }).errors ?? []).map(
            (error) => error.field.split('.')[0],
          );
          const what = `${operation.operationId} ${broken.field} ${broken.how} → ${direct.status}`;
          if (direct.status !== 400 || !fields.includes(broken.field)) {
            problems.push(`${what}: ${JSON.stringify(direct.body)}`);
          }
          const proxied = await send(prism.url, operation, headers, broken.body, path);
          if (proxied.status !== 422) problems.push(`${what}: Prism let it through`);
        }
      }
    }
    expect({ violations: figures.violations, problems }).toEqual({ violations: [], problems: [] });
  }, 900_000);
});

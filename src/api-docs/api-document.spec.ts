import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { completeApiDocument } from './api-document.js';
import type { RouteContract } from './route-contract.js';

const PROBLEM = 'application/problem+json';
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

function documentWith(operation: Partial<OperationObject>, schemas = {}): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/x': {
        post: { operationId: 'X_run', responses: { 200: { description: 'ok' } }, ...operation },
      },
    },
    components: { schemas },
  };
}

function complete(
  contract: RouteContract | undefined,
  operation: Partial<OperationObject> = {},
): OperationObject {
  const contracts = new Map(contract ? [['X_run', contract]] : []);
  const post = completeApiDocument(documentWith(operation), contracts).paths['/x'].post;
  if (!post) throw new Error('operation lost');
  return post;
}

const PUBLIC: RouteContract = { access: 'public', csrf: false, lockout: false, resourceIds: [] };
const SESSION_READ: RouteContract = {
  access: 'session',
  csrf: false,
  lockout: true,
  resourceIds: [],
};
const SESSION_WRITE: RouteContract = {
  access: 'session',
  csrf: true,
  lockout: true,
  resourceIds: [],
};
const BEARER: RouteContract = { access: 'bearer', csrf: false, lockout: false, resourceIds: [] };

describe('completeApiDocument: security', () => {
  it.each([
    ['a public route', PUBLIC, []],
    [
      'a public write that checks CSRF for a session',
      { ...PUBLIC, csrf: true },
      [{}, { session: [] }],
    ],
    ['an integration route', BEARER, [{ bearer: [] }]],
    ["a signed-in user's read", SESSION_READ, [{ session: [] }]],
    ["a signed-in user's write", SESSION_WRITE, [{ session: [] }]],
  ])('declares %s', (_case, contract, security) => {
    expect(complete(contract).security).toEqual(security);
  });

  it('leaves an operation without a route contract as it is', () => {
    expect(complete(undefined, { security: [{ other: [] }] }).security).toEqual([{ other: [] }]);
  });

  it('defines the two security schemes: the CSRF token is no credential', () => {
    const document = completeApiDocument(documentWith({}), new Map());
    expect(document.components?.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'sid' }),
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  const csrfHeader = (operation: OperationObject) =>
    (operation.parameters ?? []).find(
      (parameter) => 'name' in parameter && parameter.name === 'X-CSRF-Token',
    );

  it('requires the X-CSRF-Token header on a signed-in write, with its 403', () => {
    const operation = complete(SESSION_WRITE);
    expect(csrfHeader(operation)).toMatchObject({ in: 'header', required: true });
    expect(operation.responses[403]).toEqual(ref('Forbidden'));
  });

  it('takes the header on a public write that checks CSRF only with a session', () => {
    expect(csrfHeader(complete({ ...PUBLIC, csrf: true }))).toMatchObject({ required: false });
  });

  it.each([PUBLIC, SESSION_READ, BEARER])('asks no CSRF header of %o', (contract) => {
    expect(csrfHeader(complete(contract))).toBeUndefined();
  });
});

describe('completeApiDocument: standard problem answers', () => {
  const statuses = (operation: OperationObject) => Object.keys(operation.responses).sort();

  it('gives a public route without input only the 400 of a URL that is not valid UTF-8', () => {
    expect(statuses(complete(PUBLIC))).toEqual(['200', '400']);
  });

  it('answers 413 and 415 where there is a body', () => {
    const operation = complete(PUBLIC, { requestBody: { content: {} } });
    expect(operation.responses[413]).toEqual(ref('PayloadTooLarge'));
    expect(operation.responses[415]).toEqual(ref('UnsupportedMediaType'));
    expect(complete(PUBLIC).responses[415]).toBeUndefined();
  });

  it.each([
    ['a body', { requestBody: { content: {} } }],
    ['a query parameter', { parameters: [{ name: 'page', in: 'query' as const }] }],
    ['a header parameter', { parameters: [{ name: 'Idempotency-Key', in: 'header' as const }] }],
  ])('answers 400 to invalid input when there is %s', (_case, operation) => {
    expect(complete(PUBLIC, operation).responses[400]).toEqual(ref('InvalidRequest'));
  });

  it('answers 404 for a path parameter, and describes a resource id as a UUID', () => {
    const operation = complete(
      { ...PUBLIC, resourceIds: ['id'] },
      { parameters: [{ name: 'id', in: 'path' as const, schema: { type: 'string' } }] },
    );
    expect(operation.responses[404]).toEqual(ref('NotFound'));
    expect(operation.parameters?.[0]).toMatchObject({
      schema: { type: 'string', format: 'uuid' },
      description: expect.stringContaining('400'),
    });
  });

  it.each([SESSION_READ, BEARER])(
    'answers 401 and 403 on a route that needs credentials',
    (contract) => {
      const operation = complete(contract);
      expect(operation.responses[401]).toEqual(ref('Unauthorized'));
      expect(operation.responses[403]).toEqual(ref('Forbidden'));
    },
  );

  it('answers 403 on a public write that checks CSRF', () => {
    expect(statuses(complete({ ...PUBLIC, csrf: true }))).toEqual(['200', '400', '403']);
  });

  it('lists the maintenance refusal where the lockout applies, replacing a handwritten 503', () => {
    const operation = complete(SESSION_WRITE, { responses: { 503: { description: 'downtime' } } });
    expect(operation.responses[503]).toEqual(ref('MaintenanceRefusal'));
    expect(complete(BEARER).responses[503]).toBeUndefined();
  });

  it("keeps a handler's own answer for a standard status", () => {
    const own = { description: 'No such token', content: { [PROBLEM]: { schema: {} } } };
    expect(complete(SESSION_READ, { responses: { 401: own } }).responses[401]).toEqual(own);
  });

  it('gives a declared error answer without a body the problem+json body', () => {
    const operation = complete(PUBLIC, {
      responses: { 200: { description: 'ok' }, 409: { description: 'Stale version' } },
    });
    expect(operation.responses[409]).toEqual({
      description: 'Stale version',
      content: { [PROBLEM]: { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(operation.responses[200]).toEqual({ description: 'ok' });
  });

  it('defines the reusable answers and the problem schemas', () => {
    const document = completeApiDocument(documentWith({}), new Map());
    expect(Object.keys(document.components?.responses ?? {}).sort()).toEqual(
      [
        'Forbidden',
        'InvalidRequest',
        'MaintenanceRefusal',
        'NotFound',
        'PayloadTooLarge',
        'Unauthorized',
        'UnsupportedMediaType',
      ].sort(),
    );
    expect(document.components?.schemas).toMatchObject({
      Problem: expect.any(Object),
      FieldError: expect.any(Object),
      MaintenanceRefusal: expect.any(Object),
    });
  });
});

describe('completeApiDocument: tags', () => {
  it('declares every tag its operations use, once', () => {
    const document = completeApiDocument(documentWith({ tags: ['users', 'auth'] }), new Map());
    expect(document.tags).toEqual([{ name: 'auth' }, { name: 'users' }]);
  });
});

describe('completeApiDocument: properties reflected as Object', () => {
  function property(schema: Record<string, unknown>) {
    const document = completeApiDocument(
      documentWith({}, { Dto: { type: 'object', properties: { field: schema } } }),
      new Map(),
    );
    return (document.components?.schemas?.Dto as { properties: Record<string, unknown> }).properties
      .field;
  }

  it.each([
    [{ type: 'object', example: '2030-01-05', nullable: true }, 'string'],
    [{ type: 'object', maxLength: 500, nullable: true }, 'string'],
    [{ type: 'object', format: 'date-time' }, 'string'],
    [{ type: 'object', example: 12.5 }, 'number'],
    [{ type: 'object', minimum: 0, nullable: true }, 'number'],
  ])('%o becomes a %s', (schema, type) => {
    expect(property(schema)).toEqual({ ...schema, type });
  });

  it('turns a query parameter reflected as a reference to Object into a number, and drops Object', () => {
    const document = completeApiDocument(
      {
        ...documentWith({
          parameters: [
            {
              name: 'page',
              in: 'query',
              schema: { minimum: 1, default: 1, allOf: [{ $ref: '#/components/schemas/Object' }] },
            },
          ],
        }),
        components: { schemas: { Object: { type: 'object', properties: {} } } },
      },
      new Map(),
    );
    expect(document.paths['/x'].post?.parameters).toEqual([
      { name: 'page', in: 'query', schema: { minimum: 1, default: 1, type: 'number' } },
    ]);
    expect(document.components?.schemas?.Object).toBeUndefined();
  });

  it('says that a free-form object takes any properties', () => {
    expect(property({ type: 'object', description: 'old and new values' })).toEqual({
      type: 'object',
      description: 'old and new values',
      additionalProperties: true,
    });
  });

  it.each([
    { type: 'object', properties: { a: { type: 'string' } }, example: 'x' },
    { type: 'string', example: 'x' },
    { $ref: '#/components/schemas/Other' },
  ])('leaves %o as it is', (schema) => {
    expect(property(schema)).toEqual(schema);
  });
});

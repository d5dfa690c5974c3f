import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../common/problem.js';
import type { RouteContract } from './route-contract.js';

/**
 * The API document's conventions, applied to every operation in one place from its route contract
 * (the guards' decorators) instead of by hand on each handler:
 * - security: `[]` for public routes, the bearer token for integrations, the session cookie (plus
 *   the X-CSRF-Token header for writes) for signed-in users;
 * - the standard problem+json answers: 400 (a body, query or header to validate), 401 and 403 (not
 *   public), 404 (a path parameter), 503 (the maintenance lockout applies);
 * - every other 4xx/5xx a handler declares (e.g. `@ApiConflictResponse({ description })`) gets the
 *   problem+json body.
 */

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'sid',
    description: 'The session cookie set by POST /api/auth/login',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      "The session's CSRF token (from the login answer); required on every write with a session",
  },
  bearer: { type: 'http', scheme: 'bearer', description: "An integration client's token" },
} as const;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    properties: {
      field: { type: 'string', example: 'startsAt' },
      reason: { type: 'string', example: 'is required to turn maintenance on' },
    },
    required: ['field', 'reason'],
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, in the language of Accept-Language (en or nl)',
    properties: {
      type: { type: 'string', example: '/problems/validation' },
      title: { type: 'string', example: 'Invalid request' },
      status: { type: 'integer', example: 400 },
      detail: { type: 'string', example: 'email: must be an e-mail address' },
      instance: { type: 'string', example: '/api/auth/login' },
      errors: {
        type: 'array',
        description: 'For 400: each invalid field and why',
        items: { $ref: '#/components/schemas/FieldError' },
      },
    },
    required: ['type', 'title', 'status', 'detail'],
  },
  MaintenanceRefusal: {
    description: 'The refusal during downtime (503)',
    allOf: [
      PROBLEM_REF,
      {
        type: 'object',
        properties: {
          startsAt: { type: 'string', format: 'date-time' },
          expectedEndAt: { type: 'string', format: 'date-time' },
        },
        required: ['startsAt'],
      },
    ],
  },
};

function problemResponse(
  description: string,
  example: Record<string, unknown>,
  schema: SchemaObject | ReferenceObject = PROBLEM_REF,
): ResponseObject {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema, example } } };
}

const STANDARD_RESPONSES = {
  400: problemResponse('Invalid request: the problem names each invalid field and why', {
    type: '/problems/validation',
    title: 'Invalid request',
    status: 400,
    detail: 'pageSize: must be at most 100',
    errors: [{ field: 'pageSize', reason: 'must be at most 100' }],
  }),
  401: problemResponse('No valid session or token', {
    type: '/problems/unauthorized',
    title: 'Unauthorized',
    status: 401,
    detail: 'Sign in first.',
  }),
  403: problemResponse(
    "Not for this caller's role or client kind, or a write without the session's X-CSRF-Token header",
    {
      type: '/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role does not allow this.',
    },
  ),
  404: problemResponse('No such resource (or not visible to this caller)', {
    type: '/problems/not-found',
    title: 'Not found',
    status: 404,
    detail: 'Not found.',
  }),
  503: {
    ...problemResponse(
      'Downtime for maintenance: refused to everybody but the exempt roles and the back office',
      {
        type: '/problems/maintenance',
        title: 'Service unavailable for maintenance',
        status: 503,
        detail:
          'The platform is unavailable for maintenance since 2030-01-05T17:00:00.000Z. Please try again later.',
        startsAt: '2030-01-05T17:00:00.000Z',
      },
      { $ref: '#/components/schemas/MaintenanceRefusal' },
    ),
    headers: {
      'Retry-After': {
        description: 'Seconds until the expected end (or a default when none is set)',
        schema: { type: 'integer' },
      },
      'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
    },
  },
} satisfies Record<number, ResponseObject>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function securityOf(contract: RouteContract): SecurityRequirementObject[] {
  switch (contract.access) {
    case 'public':
      // A public write that still checks CSRF for a signed-in caller (logout): anonymous or session + CSRF.
      return contract.csrf ? [{}, { session: [], csrf: [] }] : [];
    case 'bearer':
      return [{ bearer: [] }];
    case 'session':
      return [contract.csrf ? { session: [], csrf: [] } : { session: [] }];
    default:
      return contract.access satisfies never;
  }
}

function standardStatuses(operation: OperationObject, contract: RouteContract): number[] {
  const parameters = (operation.parameters ?? []) as Array<{ in?: string }>;
  const statuses: number[] = [];
  if (operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'header')) {
    statuses.push(400);
  }
  if (contract.access !== 'public') statuses.push(401, 403);
  else if (contract.csrf) statuses.push(403);
  if (parameters.some((p) => p.in === 'path')) statuses.push(404);
  return statuses;
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

function completeOperation(
  operation: OperationObject,
  contract: RouteContract | undefined,
): OperationObject {
  const responses = { ...operation.responses };
  if (contract) {
    for (const status of standardStatuses(operation, contract)) {
      responses[status] ??= STANDARD_RESPONSES[status as keyof typeof STANDARD_RESPONSES];
    }
    if (contract.lockout) {
      const declared = responses[503];
      responses[503] = {
        ...STANDARD_RESPONSES[503],
        ...(declared && !isReference(declared) ? { description: declared.description } : {}),
      };
    }
  }
  for (const [status, response] of Object.entries(responses)) {
    if (/^[45]\d\d$/.test(status) && response && !isReference(response) && !response.content) {
      responses[status] = {
        ...response,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
      };
    }
  }
  return { ...operation, responses, ...(contract ? { security: securityOf(contract) } : {}) };
}

/**
 * A property typed `string | null` (or `number | null`) is reflected as Object, so @nestjs/swagger
 * writes `type: object`. When the property's example or its string keywords show what it is, say so.
 */
function repairReflectedUnion(property: SchemaObject): SchemaObject {
  if (property.type !== 'object' || property.properties || property.additionalProperties) {
    return property;
  }
  const example: unknown = property.example;
  if (typeof example === 'number') return { ...property, type: 'number' };
  const stringKeywords = ['maxLength', 'minLength', 'pattern', 'format'] as const;
  if (typeof example === 'string' || stringKeywords.some((keyword) => keyword in property)) {
    return { ...property, type: 'string' };
  }
  return property;
}

function repairSchemas(schemas: Record<string, SchemaObject | ReferenceObject>) {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      if (isReference(schema) || !schema.properties) return [name, schema];
      const properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, property]) => [
          key,
          isReference(property) ? property : repairReflectedUnion(property),
        ]),
      );
      return [name, { ...schema, properties }];
    }),
  );
}

/** Applies the conventions above to a document made by @nestjs/swagger; contracts are keyed by operation id. */
export function completeApiDocument(
  document: OpenAPIObject,
  contracts: ReadonlyMap<string, RouteContract>,
): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => {
      const completed = { ...item };
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        completed[method] = completeOperation(
          operation,
          contracts.get(operation.operationId ?? ''),
        );
      }
      return [path, completed];
    }),
  );
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: { ...repairSchemas(document.components?.schemas ?? {}), ...SCHEMAS },
      securitySchemes: { ...SECURITY_SCHEMES },
    },
  };
}

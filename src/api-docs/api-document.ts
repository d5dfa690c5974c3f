import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/principal.middleware.js';
import { BODY_LIMITS } from '../common/hostile-input.js';
import { PROBLEM_CONTENT_TYPE } from '../common/problem.js';
import { RESOURCE_ID_REASON } from '../common/resource-id.pipe.js';
import type { RouteContract } from './route-contract.js';
import { validationSchemaOf } from './validation-schema.js';

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

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by POST /api/auth/login',
  },
  bearer: { type: 'http', scheme: 'bearer', description: "An integration client's token" },
} as const;

/** A header, not a credential: without it a signed-in write is refused 403 (a credential's absence reads as 401). */
const CSRF_HEADER = 'X-CSRF-Token';

function csrfParameter(required: boolean): ParameterObject {
  return {
    name: CSRF_HEADER,
    in: 'header',
    required,
    description: required
      ? "The session's CSRF token (from the login answer); without it: 403"
      : "With a session: the session's CSRF token (from the login answer); without it: 403",
    schema: { type: 'string', minLength: 1 },
    example: 'the csrfToken of the login answer',
  };
}

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

const RESPONSES = {
  InvalidRequest: problemResponse(
    'Invalid request: the problem names each invalid field and why (any operation: a path or query ' +
      'that is not valid UTF-8 or holds control characters)',
    {
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'pageSize: must be at most 100',
      errors: [{ field: 'pageSize', reason: 'must be at most 100' }],
    },
  ),
  PayloadTooLarge: problemResponse(`A body over ${BODY_LIMITS.bytes / 1024} kB`, {
    type: '/problems/http-413',
    title: 'Payload too large',
    status: 413,
    detail: 'request entity too large',
  }),
  UnsupportedMediaType: problemResponse('A body that is not application/json', {
    type: '/problems/unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
    detail: 'The API takes request bodies as application/json only.',
  }),
  Unauthorized: problemResponse('No valid session or token', {
    type: '/problems/unauthorized',
    title: 'Unauthorized',
    status: 401,
    detail: 'Sign in first.',
  }),
  Forbidden: problemResponse(
    "Not for this caller's role or client kind, or a write without the session's X-CSRF-Token header",
    {
      type: '/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role does not allow this.',
    },
  ),
  NotFound: problemResponse('No such resource (or not visible to this caller)', {
    type: '/problems/not-found',
    title: 'Not found',
    status: 404,
    detail: 'Not found.',
  }),
  MaintenanceRefusal: {
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
} satisfies Record<string, ResponseObject>;

/** The standard answers by status, as references to the document's reusable responses. */
const STANDARD = {
  400: { $ref: '#/components/responses/InvalidRequest' },
  401: { $ref: '#/components/responses/Unauthorized' },
  403: { $ref: '#/components/responses/Forbidden' },
  404: { $ref: '#/components/responses/NotFound' },
  413: { $ref: '#/components/responses/PayloadTooLarge' },
  415: { $ref: '#/components/responses/UnsupportedMediaType' },
  503: { $ref: '#/components/responses/MaintenanceRefusal' },
} satisfies Record<number, ReferenceObject>;

type StandardStatus = keyof typeof STANDARD;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function securityOf(contract: RouteContract): SecurityRequirementObject[] {
  switch (contract.access) {
    case 'public':
      // A public write that still checks CSRF for a signed-in caller (logout): anonymous or session.
      return contract.csrf ? [{}, { session: [] }] : [];
    case 'bearer':
      return [{ bearer: [] }];
    case 'session':
      return [{ session: [] }];
    default:
      return contract.access satisfies never;
  }
}

/**
 * Every operation can answer 400 (the URL is checked before routing); a body adds 413 and 415;
 * credentials add 401 and 403, a CSRF check 403; a path parameter 404; the lockout 503.
 */
function standardStatuses(operation: OperationObject, contract?: RouteContract): StandardStatus[] {
  const parameters = (operation.parameters ?? []) as Array<{ in?: string }>;
  const statuses: StandardStatus[] = [400];
  if (operation.requestBody) statuses.push(413, 415);
  if (contract && contract.access !== 'public') statuses.push(401, 403);
  else if (contract?.csrf) statuses.push(403);
  if (parameters.some((p) => p.in === 'path')) statuses.push(404);
  if (contract?.lockout) statuses.push(503);
  return statuses;
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** What a reflected schema says that validators do not: kept over a validated type. */
const ANNOTATIONS = ['title', 'description', 'example', 'default', 'deprecated'] as const;

/**
 * A reflected schema with what the validators say put over it. Where they give a type, only the
 * reflected annotations stay (reflection can get a type wrong, e.g. a type alias as Object).
 */
function withValidation(
  reflected: SchemaObject | ReferenceObject | undefined,
  validated: SchemaObject,
): SchemaObject {
  if (!reflected || isReference(reflected)) return validated;
  const kept = validated.type
    ? Object.fromEntries(
        ANNOTATIONS.filter((key) => key in reflected).map((k) => [k, reflected[k]]),
      )
    : reflected;
  const properties = validated.properties
    ? Object.fromEntries(
        Object.entries(validated.properties).map(([name, schema]) => [
          name,
          withValidation(reflected.properties?.[name], schema as SchemaObject),
        ]),
      )
    : undefined;
  return { ...kept, ...validated, ...(properties ? { properties } : {}) };
}

/** Query parameters as the query DTO's validators check them; resource ids as UUIDs. */
function describeParameters(
  parameters: NonNullable<OperationObject['parameters']>,
  contract: RouteContract,
): NonNullable<OperationObject['parameters']> {
  const query = contract.query && validationSchemaOf(contract.query);
  return parameters.map((parameter) => {
    if (isReference(parameter)) return parameter;
    const validated = query?.properties?.[parameter.name] as SchemaObject | undefined;
    if (parameter.in === 'query' && validated) {
      // A query value is text or absent, never null.
      const schema = { ...validated };
      delete schema.nullable;
      return { ...parameter, schema: withValidation(parameter.schema, schema) };
    }
    if (parameter.in === 'path' && contract.resourceIds.includes(parameter.name)) {
      return {
        ...parameter,
        description: `${parameter.description ?? 'The id'}; anything else than a UUID: 400 naming \`${parameter.name}\` (${RESOURCE_ID_REASON})`,
        schema: { type: 'string', format: 'uuid' },
      };
    }
    return parameter;
  });
}

/** The component schemas of the request bodies, as their DTOs' validators check them. */
function validatedBodySchemas(
  schemas: Record<string, SchemaObject | ReferenceObject>,
  contracts: ReadonlyMap<string, RouteContract>,
): Record<string, SchemaObject | ReferenceObject> {
  const validated = { ...schemas };
  for (const { body } of contracts.values()) {
    const schema = body && validationSchemaOf(body);
    if (schema && body.name in validated) {
      validated[body.name] = withValidation(validated[body.name], schema);
    }
  }
  return validated;
}

function completeOperation(
  operation: OperationObject,
  contract: RouteContract | undefined,
): OperationObject {
  const responses = { ...operation.responses };
  for (const status of standardStatuses(operation, contract))
    responses[status] ??= STANDARD[status];
  // The lockout's refusal is the same everywhere, whatever a handler says about its 503.
  if (contract?.lockout) responses[503] = STANDARD[503];
  for (const [status, response] of Object.entries(responses)) {
    if (/^[45]\d\d$/.test(status) && response && !isReference(response) && !response.content) {
      responses[status] = {
        ...response,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
      };
    }
  }
  if (!contract) return { ...operation, responses };
  const parameters = [
    ...describeParameters(operation.parameters ?? [], contract),
    ...(contract.csrf ? [csrfParameter(contract.access === 'session')] : []),
  ];
  return {
    ...operation,
    ...(parameters.length > 0 ? { parameters } : {}),
    responses,
    security: securityOf(contract),
  };
}

const REFLECTED_OBJECT = '#/components/schemas/Object';
const STRING_KEYWORDS = ['maxLength', 'minLength', 'pattern', 'format'];
const NUMBER_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
];

/**
 * A DTO property typed `string | null`, or with an initializer and no type (`page = 1`), is reflected
 * as Object, so @nestjs/swagger writes `type: object` (or a reference to an empty `Object` schema).
 * Where its keywords, example or default show the scalar it is, say so. (Better still, give the
 * decorator a `type`.)
 */
function repairReflectedObject(schema: SchemaObject): SchemaObject {
  if (schema.properties || schema.additionalProperties) return schema;
  const { allOf, ...rest } = schema;
  const reflected =
    schema.type === 'object' ||
    (allOf?.length === 1 && isReference(allOf[0]) && allOf[0].$ref === REFLECTED_OBJECT);
  if (!reflected) return schema;
  const hint: unknown = schema.example ?? schema.default;
  if (typeof hint === 'number' || NUMBER_KEYWORDS.some((keyword) => keyword in schema)) {
    return { ...rest, type: 'number' };
  }
  if (typeof hint === 'string' || STRING_KEYWORDS.some((keyword) => keyword in schema)) {
    return { ...rest, type: 'string' };
  }
  // A real free-form object (e.g. `type: Object` on a Record): any properties, as JSON Schema means.
  return schema.type === 'object' ? { ...schema, additionalProperties: true } : schema;
}

function repairSchema<T extends SchemaObject | ReferenceObject>(schema: T): T {
  return isReference(schema) ? schema : (repairReflectedObject(schema) as T);
}

function repairSchemas(schemas: Record<string, SchemaObject | ReferenceObject>) {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      if (isReference(schema) || !schema.properties) return [name, schema];
      const properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, property]) => [key, repairSchema(property)]),
      );
      return [name, { ...schema, properties }];
    }),
  );
}

function repairParameters(operation: OperationObject): OperationObject {
  if (!operation.parameters) return operation;
  const parameters = operation.parameters.map((parameter) =>
    isReference(parameter) || !parameter.schema
      ? parameter
      : { ...parameter, schema: repairSchema(parameter.schema) },
  );
  return { ...operation, parameters };
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
          repairParameters(operation),
          contracts.get(operation.operationId ?? ''),
        );
      }
      return [path, completed];
    }),
  );
  const schemas: Record<string, SchemaObject | ReferenceObject> = {
    ...validatedBodySchemas(repairSchemas(document.components?.schemas ?? {}), contracts),
    ...SCHEMAS,
  };
  // The empty schema of reflected objects, once nothing refers to it any more.
  if (!JSON.stringify({ paths, schemas }).includes(`"${REFLECTED_OBJECT}"`)) delete schemas.Object;
  // Every tag an operation uses, declared once (tools group operations by the declared tags).
  const tags = [
    ...new Set(
      Object.values(paths).flatMap((item) => METHODS.flatMap((method) => item[method]?.tags ?? [])),
    ),
  ]
    .sort()
    .map((name) => ({ name }));
  return {
    ...document,
    tags,
    paths,
    components: {
      ...document.components,
      schemas,
      responses: { ...document.components?.responses, ...RESPONSES },
      securitySchemes: { ...SECURITY_SCHEMES },
    },
  };
}

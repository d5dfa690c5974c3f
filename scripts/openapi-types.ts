import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated types are committed; an e2e test fails when they are stale. */
export const API_TYPES_FILE = 'test/support/api-schema.ts';

const HEADER =
  '// Generated from the API document by `npm run openapi:types`; do not edit by hand.\n\n';

/** The TypeScript types of the API document, as openapi-fetch takes them (`paths`, `components`). */
export async function renderApiTypes(document: OpenAPIObject): Promise<string> {
  return HEADER + astToString(await openapiTS(document as unknown as OpenAPI3));
}

import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildApiDocument } from '../src/api-docs/api-docs.js';
import { renderApiTypes } from './openapi-types.js';
import { withThrowawayApp } from './throwaway-app.js';

/**
 * `npm run lint:openapi` and `npm run openapi:types`: writes the API document (JSON) or the
 * TypeScript types generated from it, as the app serves it (PUBLIC_URL and the rest from the
 * environment). Boots the module tree on a throw-away SQLite database.
 */
async function main([what, file]: string[]): Promise<void> {
  if ((what !== 'document' && what !== 'types') || !file) {
    process.stderr.write('usage: node dist/scripts/openapi.js document|types <file>\n');
    process.exit(2);
  }
  const document = await withThrowawayApp(buildApiDocument);
  writeFileSync(
    file,
    what === 'document' ? `${JSON.stringify(document, null, 2)}\n` : await renderApiTypes(document),
  );
}

await main(process.argv.slice(2));

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApiDocument } from '../src/api-docs/api-docs.js';
import { AppModule } from '../src/app.module.js';
import { SystemClock } from '../src/common/clock.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { renderApiTypes } from './openapi-types.js';

const USAGE = 'usage: node dist/scripts/openapi.js document|types <file>';

/**
 * `npm run lint:openapi` and `npm run openapi:types`: writes the API document (JSON) or the
 * TypeScript types generated from it. Boots the module tree on a throw-away SQLite database, with
 * PUBLIC_URL and the rest from the environment.
 */
async function main([what, file]: string[]): Promise<void> {
  if ((what !== 'document' && what !== 'types') || !file) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    const config = loadAppConfig({
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'openapi.sqlite')}`,
      DEMO_DATA: 'false',
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.create(AppModule.forRoot({ config, clock: new SystemClock() }), {
      logger: ['error'],
      abortOnError: false,
    });
    try {
      const document = buildApiDocument(app);
      writeFileSync(
        file,
        what === 'document'
          ? `${JSON.stringify(document, null, 2)}\n`
          : await renderApiTypes(document),
      );
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config.js';
import { completeApiDocument } from './api-document.js';
import { operationIdOf, RouteContracts } from './route-contract.js';

/** The OpenAPI document of this application, with its servers from PUBLIC_URL. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = app.get(AppConfig);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Staffing platform API')
      .setDescription(
        'Contracts, declarations, public forms and the scheduled maintenance lockout. Errors are ' +
          'application/problem+json (RFC 9457). During downtime every operation that lists a 503 ' +
          'refuses all but the exempt roles and the back-office link.',
      )
      .addServer(config.PUBLIC_URL.replace(/\/+$/, ''))
      .build(),
    { operationIdFactory: operationIdOf },
  );
  return completeApiDocument(document, app.get(RouteContracts).byOperationId());
}

/** `/api/docs` (the UI) and `/api/docs-json`, unless API_DOCS=false. */
export function setupApiDocs(app: INestApplication): void {
  if (!app.get(AppConfig).API_DOCS) return;
  SwaggerModule.setup('api/docs', app, buildApiDocument(app));
}

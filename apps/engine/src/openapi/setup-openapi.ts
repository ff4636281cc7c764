import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI UI at /api/docs and its JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Laufweg API')
      .setDescription('BPMN-Prozess-Engine für die Verarbeitungslaufwege der Kommunen (OZG). Errors are application/problem+json (RFC 9457).')
      .setVersion(version)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Laufweg API' });
}

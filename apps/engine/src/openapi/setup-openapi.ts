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
      // Routes marked @ApiBearerAuth() (ApiAuth) need an OpenID Connect access token; README.md, "Sign-in".
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the configured OpenID Connect issuer; locally POST /dev-auth/token.' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Laufweg API' });
}

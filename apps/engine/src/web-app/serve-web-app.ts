import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built web app at `/`. Without a build (e.g. a development checkout where only the
 * engine was compiled) `/` says how to build it instead of answering 404.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string): void {
  if (existsSync(join(webDir, 'index.html'))) {
    app.useStaticAssets(webDir, { index: 'index.html', fallthrough: true });
    return;
  }
  (app.getHttpAdapter().getInstance() as Express).get('/', (_request: Request, response: Response) => {
    response
      .status(200)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><title>Laufweg</title><p>Die Web-App ist nicht gebaut. Bitte <code>npm run build:web</code> ausführen. <a href="/api/docs">API-Dokumentation</a></p>');
  });
}

import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppDatabase, AppModule } from './app.module';
import type { EngineConfig } from './config/engine-config';
import { httpsOptionsOf } from './config/https-options';
import { setupOpenApi } from './openapi/setup-openapi';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { readProductVersion } from './version';
import { serveWebApp } from './web-app/serve-web-app';

/** Builds the configured Nest application (not yet listening). Used by main.ts and HTTP tests. */
export async function createApp(config: EngineConfig, database: AppDatabase): Promise<NestExpressApplication> {
  const httpsOptions = httpsOptionsOf(config.transport);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), { bufferLogs: true, ...(httpsOptions ? { httpsOptions } : {}) });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, readProductVersion());
  serveWebApp(app, config.webDir);
  return app;
}

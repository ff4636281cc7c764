import { Inject, Injectable } from '@nestjs/common';
import { loadRouteCatalog, type RouteBundle } from '@laufweg/routes';
import { existsSync } from 'node:fs';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';

/** The route bundles of PROCESSES_DIR, read on each call (a designer may have changed files). */
@Injectable()
export class RouteCatalogReader {
  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  get processesDir(): string {
    return this.config.routes.processesDir;
  }

  read(): { bundles: readonly RouteBundle[]; problems: readonly string[] } {
    if (!existsSync(this.processesDir)) return { bundles: [], problems: [`${this.processesDir} does not exist (PROCESSES_DIR)`] };
    return loadRouteCatalog(this.processesDir);
  }

  find(routeId: string): RouteBundle | undefined {
    return this.read().bundles.find((bundle) => bundle.id === routeId);
  }
}

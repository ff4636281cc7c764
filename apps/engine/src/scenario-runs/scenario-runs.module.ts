import { type DynamicModule, Inject, Module, type OnModuleDestroy, Optional } from '@nestjs/common';
import { type DatabaseRuntime, withDatabase } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { AppDatabase } from '../app.module';
import { RouteCatalogReader } from '../routes/route-catalog';
import { ScenarioRunsController } from './scenario-runs.controller';
import { SANDBOX_OWNER_POOL, ScenarioRunsService } from './scenario-runs.service';

/** The database the embedded server holds Laufweg's data in (database-bootstrap.ts). */
const EMBEDDED_DATABASE = 'laufweg';

/**
 * POST /api/v1/scenario-runs. Sandboxes are dropped over the owner connection when the service
 * knows it (it bootstrapped the database); otherwise the application role cleans what it may.
 */
@Module({})
export class ScenarioRunsModule implements OnModuleDestroy {
  constructor(@Optional() @Inject(SANDBOX_OWNER_POOL) private readonly ownerPool?: Pool) {}

  static forRoot(database: AppDatabase & Partial<Pick<DatabaseRuntime, 'server'>>): DynamicModule {
    const server = database.server;
    const ownerUrl = server === undefined ? undefined : server.embedded ? withDatabase(server.ownerUrl, EMBEDDED_DATABASE) : server.ownerUrl;
    return {
      module: ScenarioRunsModule,
      controllers: [ScenarioRunsController],
      providers: [
        ScenarioRunsService,
        RouteCatalogReader,
        ...(ownerUrl === undefined
          ? []
          : [
              {
                provide: SANDBOX_OWNER_POOL,
                useFactory: () => {
                  const pool = new Pool({ connectionString: ownerUrl, max: 2, application_name: 'laufweg-scenario-sandbox' });
                  pool.on('error', () => undefined);
                  return pool;
                },
              },
            ]),
      ],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.ownerPool?.end();
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { entities } from '@laufweg/persistence';
import { ApiModule } from './api/api.module';
import { AuditModule } from './audit/audit.module';
import { generateRequestId } from './audit/request-id';
import { AuthModule } from './auth/auth.module';
import { ConnectorsModule } from './connectors/connectors.module';
import type { EngineConfig } from './config/engine-config';
import { ENGINE_CONFIG } from './config/engine-config.token';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { RetentionModule } from './retention/retention.module';
import { RoutesModule } from './routes/routes.module';
import { RuntimeModule } from './runtime/runtime.module';
import { ScenarioRunsModule } from './scenario-runs/scenario-runs.module';
import { TenantsModule } from './tenants/tenants.module';

/** Where the running service connects, decided before Nest starts (see main.ts). */
export interface AppDatabase {
  readonly appUrl: string;
}

/** The composition root: wires configuration, logging, the database and the feature modules. */
@Module({})
export class AppModule {
  static forRoot(config: EngineConfig, database: AppDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            genReqId: generateRequestId,
            autoLogging: { ignore: (request) => /^\/(health|metrics)(\/|$)/.test(request.url ?? '') },
          },
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.appUrl,
          entities: [...entities],
          synchronize: false,
          migrationsRun: false,
          logging: false,
          extra: { max: 20, application_name: 'laufweg-engine' },
        }),
        HealthModule,
        RuntimeModule.forRoot(database),
        AuthModule.forRoot(config.auth),
        TenantsModule,
        ApiModule,
        AuditModule,
        RetentionModule,
        ScenarioRunsModule.forRoot(database),
        ConnectorsModule.forRoot(config),
        IntakeModule,
        RoutesModule,
      ],
      providers: [{ provide: ENGINE_CONFIG, useValue: config }],
      exports: [ENGINE_CONFIG],
      global: true,
    };
  }
}

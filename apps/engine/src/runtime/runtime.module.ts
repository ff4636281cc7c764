import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { EngineRuntime, JobAcquisition, JobExecutor, JobWakeup, systemScopedUrl } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { AppDatabase } from '../app.module';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';
import { JobsModule } from '../jobs/jobs.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RuntimeMetrics } from '../metrics/runtime-metrics';
import { MeteredJobAcquisition } from './metered-job-acquisition';
import { nestJobExecutorLogger } from './nest-job-executor-logger';
import { RuntimeLifecycle } from './runtime-lifecycle';

/** The engine's time: the system clock (tests of the runtime pass a fake one). */
const systemClock = { now: (): number => Date.now() };

/**
 * The durable runtime in the service: a pg pool as the application role, the EngineRuntime, job
 * acquisition, the job executor (started on bootstrap, drained on shutdown) and the metrics that
 * watch them; with the external worker API and GET /metrics. Global, so feature modules inject
 * EngineRuntime, JobAcquisition, JobExecutor (to register handlers) and the pool directly.
 */
@Module({})
export class RuntimeModule {
  static forRoot(database: AppDatabase): DynamicModule {
    return {
      module: RuntimeModule,
      global: true,
      imports: [JobsModule, MetricsModule],
      providers: [
        {
          provide: Pool,
          inject: [ENGINE_CONFIG],
          useFactory: (config: EngineConfig) => {
            const pool = new Pool({ connectionString: systemScopedUrl(database.appUrl), max: Math.max(10, config.jobExecutor.concurrency + 4), application_name: 'laufweg-runtime' });
            // An idle connection that breaks (database restart) must not end the process; the pool reconnects.
            const logger = new Logger('RuntimePool');
            pool.on('error', (error) => logger.warn(`An idle database connection failed: ${error.message}`));
            return pool;
          },
        },
        { provide: RuntimeMetrics, inject: [Pool], useFactory: (pool: Pool) => new RuntimeMetrics(pool) },
        { provide: JobWakeup, useFactory: () => new JobWakeup() },
        {
          provide: EngineRuntime,
          inject: [Pool, RuntimeMetrics, JobWakeup],
          useFactory: (pool: Pool, metrics: RuntimeMetrics, wakeup: JobWakeup) => {
            const runtime = new EngineRuntime(pool, systemClock);
            runtime.commands.observe(metrics);
            runtime.commands.observe(wakeup);
            return runtime;
          },
        },
        { provide: JobAcquisition, inject: [Pool, RuntimeMetrics], useFactory: (pool: Pool, metrics: RuntimeMetrics) => new MeteredJobAcquisition(pool, systemClock, metrics) },
        {
          provide: JobExecutor,
          inject: [ENGINE_CONFIG, EngineRuntime, JobAcquisition, JobWakeup],
          useFactory: (config: EngineConfig, runtime: EngineRuntime, acquisition: JobAcquisition, wakeup: JobWakeup) => {
            const { workerId, pollIntervalMs, batchSize, lockDurationMs, concurrency } = config.jobExecutor;
            return new JobExecutor(runtime, acquisition, { workerId, pollIntervalMs, batchSize, lockDurationMs, concurrency, wakeup, logger: nestJobExecutorLogger() });
          },
        },
        RuntimeLifecycle,
      ],
      exports: [Pool, EngineRuntime, JobAcquisition, JobExecutor, JobWakeup, RuntimeMetrics],
    };
  }
}

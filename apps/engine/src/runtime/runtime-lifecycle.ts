import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobExecutor, JobWakeup } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';

/**
 * Starts the job executor once the application is up and stops it on shutdown: first no new
 * acquisitions and the running handlers drained, then waiting workers released, and once the
 * HTTP server has closed, the runtime's connection pool.
 */
@Injectable()
export class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RuntimeLifecycle.name);

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly executor: JobExecutor,
    private readonly wakeup: JobWakeup,
    private readonly pool: Pool,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobExecutor.enabled) {
      this.logger.log('The job executor is disabled (JOB_EXECUTOR_ENABLED=false): this process fires no timers.');
      return;
    }
    this.executor.start();
    this.logger.log(`The job executor runs as ${this.executor.workerId}.`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.executor.stop();
    this.wakeup.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

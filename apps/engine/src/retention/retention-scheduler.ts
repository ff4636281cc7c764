import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type RetentionReport, RetentionSweeper } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';

/** The first run waits for the service to settle; then once a day. */
const FIRST_RUN_DELAY_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily GDPR retention job (ADR 0005): erases the personal data of instance trees past
 * their retention. Runs a minute after bootstrap and then every 24 hours in every engine process
 * that runs background work (JOB_EXECUTOR_ENABLED); several processes at once erase and audit
 * each tree once. `runRetention(now)` runs it on demand (tests, operators).
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private readonly sweeper: RetentionSweeper;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    pool: Pool,
  ) {
    this.sweeper = new RetentionSweeper(pool, { logger: { warn: (message) => this.logger.warn(message) } });
  }

  runRetention(now: Date = new Date()): Promise<RetentionReport> {
    return this.sweeper.run(now);
  }

  onApplicationBootstrap(): void {
    if (this.config.jobExecutor.enabled) this.schedule(FIRST_RUN_DELAY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runRetention()
        .then((report) => {
          if (report.erased.length > 0) this.logger.log(`Retention: erased the personal data of ${report.erased.length} instance(s).`);
        })
        .catch((error: unknown) => this.logger.error(`The retention job failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          if (!this.stopped) this.schedule(DAY_MS);
        });
    }, delayMs);
  }
}

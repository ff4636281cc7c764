import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditChainer } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';

/** How often the chainer looks for engine events to append (ms). */
export const AUDIT_CHAIN_INTERVAL_MS = 1000;

/**
 * Runs the AuditChainer in this engine process: from bootstrap on, every second, and once more
 * when the application shuts down (before the runtime's pool closes). Background work, so it
 * follows JOB_EXECUTOR_ENABLED like the job executor; several processes may run it at once.
 */
@Injectable()
export class AuditChainerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditChainerLifecycle.name);
  readonly chainer: AuditChainer;

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    pool: Pool,
  ) {
    this.chainer = new AuditChainer(pool, { logger: { error: (message) => this.logger.error(message) } });
  }

  onApplicationBootstrap(): void {
    if (this.config.jobExecutor.enabled) this.chainer.start(AUDIT_CHAIN_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.config.jobExecutor.enabled) return;
    await this.chainer.stop();
    await this.chainer.runOnce().catch((error: unknown) => this.logger.warn(`Final audit chaining failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

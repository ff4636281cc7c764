import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Connector, JobType } from '@laufweg/connectors';
import { JobExecutor } from '@laufweg/persistence';
import { Pool } from 'pg';
import { connectorJobHandler } from './connector-job-handler';
import { CONNECTORS } from './connectors.tokens';

/** Registers a job handler for every connector job type on this process's job executor. */
@Injectable()
export class ConnectorsRegistration implements OnModuleInit {
  private readonly logger = new Logger(ConnectorsRegistration.name);

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ReadonlyMap<JobType, Connector>,
    private readonly executor: JobExecutor,
    private readonly pool: Pool,
  ) {}

  onModuleInit(): void {
    for (const [type, connector] of this.connectors) {
      if (!this.executor.types.includes(type)) this.executor.register(type, connectorJobHandler(connector, this.pool));
    }
    if (this.connectors.size > 0) this.logger.log(`Connector simulators handle ${[...this.connectors.keys()].join(', ')}.`);
  }
}

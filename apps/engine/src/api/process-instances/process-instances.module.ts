import { Module } from '@nestjs/common';
import { DeploymentsModule } from '../deployments/deployments.module';
import { InstanceMigrationService } from './instance-migration.service';
import { ProcessInstanceCommandsController } from './process-instance-commands.controller';
import { ProcessInstancesController } from './process-instances.controller';
import { ProcessInstancesRepository } from './process-instances.repository';

/** Process instances under /api/v1/tenants/:tenantId: start, search, read, history, cancel, modify, migrate. */
@Module({
  imports: [DeploymentsModule],
  controllers: [ProcessInstancesController, ProcessInstanceCommandsController],
  providers: [ProcessInstancesRepository, InstanceMigrationService],
})
export class ProcessInstancesModule {}

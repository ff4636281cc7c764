import { Module } from '@nestjs/common';
import { DeploymentsModule } from './deployments/deployments.module';
import { IncidentsModule } from './incidents/incidents.module';
import { MessagesModule } from './messages/messages.module';
import { ProcessInstancesModule } from './process-instances/process-instances.module';
import { UserTasksModule } from './user-tasks/user-tasks.module';

/**
 * The tenant-scoped REST API under /api/v1/tenants/:tenantId: one feature module per folder.
 * Controllers translate requests into EngineRuntime calls and read through small repositories
 * in transactions scoped to the tenant (row-level security underneath).
 */
@Module({ imports: [DeploymentsModule, ProcessInstancesModule, UserTasksModule, MessagesModule, IncidentsModule] })
export class ApiModule {}

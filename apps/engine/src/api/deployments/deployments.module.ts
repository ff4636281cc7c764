import { Module } from '@nestjs/common';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentsService } from './deployments.service';
import { ProcessDefinitionsController } from './process-definitions.controller';

/** Deployments and process definitions under /api/v1/tenants/:tenantId. */
@Module({ controllers: [DeploymentsController, ProcessDefinitionsController], providers: [DeploymentsService, DeploymentsRepository], exports: [DeploymentsRepository] })
export class DeploymentsModule {}

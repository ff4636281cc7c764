import { Module } from '@nestjs/common';
import { RoutesModule } from '../../routes/routes.module';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentsService } from './deployments.service';
import { ProcessDefinitionsController } from './process-definitions.controller';
import { RouteValuesCheck } from './route-values-check';

/** Deployments and process definitions under /api/v1/tenants/:tenantId; the route catalog checks the values of a route. */
@Module({
  imports: [RoutesModule],
  controllers: [DeploymentsController, ProcessDefinitionsController],
  providers: [DeploymentsService, DeploymentsRepository, RouteValuesCheck],
  exports: [DeploymentsRepository],
})
export class DeploymentsModule {}

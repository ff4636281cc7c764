import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RouteBootstrap } from './route-bootstrap';
import { RouteCatalogReader } from './route-catalog';
import { RouteDeployer } from './route-deployer';
import { RoutesController } from './routes.controller';

/** The routes of `processes/`: deployed at start (DEPLOY_ROUTES) and on demand per tenant; the catalog is shared with the deployments API. */
@Module({ imports: [IntakeModule], controllers: [RoutesController], providers: [RouteCatalogReader, RouteDeployer, RouteBootstrap], exports: [RouteCatalogReader] })
export class RoutesModule {}

import { Module } from '@nestjs/common';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';

/** Incidents under /api/v1/tenants/:tenantId/incidents. */
@Module({ controllers: [IncidentsController], providers: [IncidentsRepository] })
export class IncidentsModule {}

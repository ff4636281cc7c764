import { Module } from '@nestjs/common';
import { TenantMembersController } from './tenant-members.controller';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';

/** The tenant admin API under /api/v1/tenants. The pool comes from the global RuntimeModule. */
@Module({ controllers: [TenantsController, TenantMembersController], providers: [TenantsRepository] })
export class TenantsModule {}


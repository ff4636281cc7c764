import { Module } from '@nestjs/common';
import { UserTasksController } from './user-tasks.controller';
import { UserTasksRepository } from './user-tasks.repository';
import { UserTasksService } from './user-tasks.service';

/** The task list under /api/v1/tenants/:tenantId/user-tasks. */
@Module({ controllers: [UserTasksController], providers: [UserTasksService, UserTasksRepository] })
export class UserTasksModule {}

import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** The external worker API under /api/v1/jobs. The runtime it uses comes from the global RuntimeModule. */
@Module({ controllers: [JobsController], providers: [JobsService] })
export class JobsModule {}

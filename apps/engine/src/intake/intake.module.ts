import { Module } from '@nestjs/common';
import { ClientCertificateBinding } from './client-certificate-binding';
import { IntakeService } from './intake.service';
import { SubmissionQueries } from './submission-queries';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { TenantServicesRepository } from './tenant-services.repository';

/**
 * The intake (issue 6, ADR 0008): `POST /api/v1/submissions` for the state portal, the status and
 * the attachments by reference. Exports the tenant-service repository the route deployer fills.
 */
@Module({
  controllers: [SubmissionsController],
  providers: [IntakeService, SubmissionQueries, SubmissionsRepository, TenantServicesRepository, ClientCertificateBinding],
  exports: [TenantServicesRepository],
})
export class IntakeModule {}

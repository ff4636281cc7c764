import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { Caller } from '../auth';
import { applicantStatus } from './applicant-status';
import { attachmentErased, attachmentNotFound, submissionNotFound } from './intake-problems';
import type { Receipt } from './receipt';
import type { SubmissionStatusDto } from './submission.dto';
import { SubmissionsRepository } from './submissions.repository';

const SAFE_MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/**
 * Reads of submissions for callers: only among the caller's tenants (row-level security
 * underneath), so another tenant's submission answers 404 like a missing one.
 */
@Injectable()
export class SubmissionQueries {
  constructor(
    private readonly pool: Pool,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async status(caller: Caller, submissionId: string): Promise<SubmissionStatusDto> {
    const tenants = [...caller.tenants.keys()];
    const found = tenants.length === 0 ? undefined : await withTenants(this.pool, tenants, (client) => this.submissions.find(client, tenants, submissionId));
    if (!found) throw submissionNotFound(submissionId);
    return {
      submissionId: found.submissionId,
      caseId: found.caseId,
      tenantId: found.tenantId,
      serviceId: found.serviceId,
      status: applicantStatus(found),
      receivedAt: found.receivedAt.toISOString(),
      processInstanceKey: found.processInstanceKey,
      receipt: found.receipt as Receipt,
    };
  }

  async attachment(caller: Caller, submissionId: string, attachmentId: string): Promise<{ name: string; mediaType: string; content: Buffer }> {
    const tenants = [...caller.tenants.keys()];
    const found = tenants.length === 0 ? undefined : await withTenants(this.pool, tenants, (client) => this.submissions.attachment(client, tenants, submissionId, attachmentId));
    if (!found) throw attachmentNotFound(submissionId, attachmentId);
    if (!found.content) throw attachmentErased(submissionId, attachmentId);
    return { name: found.name, mediaType: SAFE_MEDIA_TYPE.test(found.mediaType) ? found.mediaType : 'application/octet-stream', content: found.content };
  }
}

import type { StoredSubmission } from './submissions.repository';

/** The status of a submission as the portal shows it to the applicant. */
export type ApplicantStatus = 'received' | 'in-processing' | 'needs-input' | 'completed' | 'rejected';

/**
 * Derived, not stored, so it never disagrees with the route: rejected at the intake; received
 * (accepted, no instance recorded); needs input while the route waits for a message from outside
 * (the applicant's answer to a query, a payment); in processing while it runs otherwise;
 * completed once it ended.
 */
export function applicantStatus(submission: Pick<StoredSubmission, 'status' | 'receipt' | 'processInstanceKey' | 'instanceStatus' | 'waitsForMessage'>): ApplicantStatus {
  if (submission.status === 'rejected' || submission.receipt?.status === 'reject') return 'rejected';
  if (submission.processInstanceKey === null) return submission.status === 'erased' ? 'completed' : 'received';
  if (submission.instanceStatus === null || submission.instanceStatus === 'completed' || submission.instanceStatus === 'terminated') return 'completed';
  return submission.waitsForMessage ? 'needs-input' : 'in-processing';
}

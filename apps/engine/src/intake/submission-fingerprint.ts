import { sha512Hex } from './checks/sha512';
import type { IncomingSubmission } from './incoming-submission';

/**
 * SHA-512 over everything the portal sent: envelope, metadata, data and attachments (by id). The
 * same submission sent again has the same fingerprint (a duplicate); anything else under the
 * same submission id is a conflict.
 */
export function submissionFingerprint(submission: IncomingSubmission): string {
  const attachments = [...submission.attachments].sort((a, b) => (a.attachmentId < b.attachmentId ? -1 : 1)).map((attachment) => [attachment.attachmentId, sha512Hex(attachment.bytes)]);
  return sha512Hex(
    JSON.stringify([
      submission.destinationId,
      submission.submissionId,
      submission.caseId,
      submission.serviceIdentifier,
      sha512Hex(submission.metadataBytes),
      sha512Hex(submission.dataBytes),
      attachments,
    ]),
  );
}

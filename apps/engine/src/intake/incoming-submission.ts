/** An attachment part as it arrived: its id (from the part name `attachment:<id>`) and its bytes. */
export interface IncomingAttachment {
  readonly attachmentId: string;
  readonly bytes: Buffer;
}

/**
 * A submission as the portal sent it, before any check: the envelope (destination = tenant,
 * service, ids) and the exact bytes of metadata, data and attachments, which the hashes in the
 * metadata are compared against.
 */
export interface IncomingSubmission {
  readonly destinationId: string;
  readonly submissionId: string;
  readonly caseId: string;
  readonly serviceIdentifier: string;
  readonly metadataBytes: Buffer;
  readonly dataBytes: Buffer;
  readonly attachments: readonly IncomingAttachment[];
}

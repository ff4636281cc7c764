import { createHash, randomUUID } from 'node:crypto';

/** An attachment to send: its id, file name, media type and bytes. */
export interface AttachmentToSend {
  readonly attachmentId: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly purpose?: 'form' | 'attachment' | 'report';
  readonly bytes: Buffer;
}

/** A submission ready to send: the envelope fields, metadata and the exact data bytes. */
export interface SubmissionToSend {
  readonly fields: { destinationId: string; submissionId: string; caseId: string; serviceIdentifier: string };
  readonly metadata: Record<string, unknown>;
  readonly data: Buffer;
  readonly attachments: readonly AttachmentToSend[];
}

export function sha512Hex(bytes: Buffer | string): string {
  return createHash('sha512').update(bytes).digest('hex');
}

/**
 * A submission as a portal builds it: the data serialized once, and the metadata's content
 * structure carrying the SHA-512 of exactly those bytes and of each attachment. Used by the
 * intake's tests and by `npm run demo`.
 */
export function buildSubmission(input: {
  destinationId: string;
  serviceIdentifier: string;
  data: unknown;
  attachments?: readonly AttachmentToSend[];
  submissionId?: string;
  caseId?: string;
  extraMetadata?: Record<string, unknown>;
}): SubmissionToSend {
  const data = Buffer.from(JSON.stringify(input.data), 'utf8');
  const attachments = input.attachments ?? [];
  return {
    fields: { destinationId: input.destinationId, submissionId: input.submissionId ?? randomUUID(), caseId: input.caseId ?? randomUUID(), serviceIdentifier: input.serviceIdentifier },
    metadata: {
      $schema: 'https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json',
      contentStructure: {
        data: { submissionSchema: { schemaUri: `urn:laufweg:schema:${input.serviceIdentifier}`, mimeType: 'application/json' }, hash: { type: 'sha512', content: sha512Hex(data) } },
        attachments: attachments.map((attachment) => ({
          attachmentId: attachment.attachmentId,
          purpose: attachment.purpose ?? 'attachment',
          filename: attachment.filename,
          mimeType: attachment.mimeType,
          hash: { type: 'sha512', content: sha512Hex(attachment.bytes) },
        })),
      },
      ...input.extraMetadata,
    },
    data,
    attachments,
  };
}

/** The submission as multipart/form-data parts (for fetch's FormData). */
export function toFormData(submission: SubmissionToSend): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(submission.fields)) form.append(name, value);
  form.append('metadata', new Blob([JSON.stringify(submission.metadata)], { type: 'application/json' }), 'metadata.json');
  form.append('data', new Blob([submission.data], { type: 'application/json' }), 'data.json');
  for (const attachment of submission.attachments) form.append(`attachment:${attachment.attachmentId}`, new Blob([attachment.bytes], { type: attachment.mimeType }), attachment.filename);
  return form;
}

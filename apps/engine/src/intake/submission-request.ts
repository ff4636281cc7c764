import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { validateBody } from '../api/shared/validate-body';
import { type ProblemDetails, problemType } from '../problem/problem-details';
import type { IncomingAttachment, IncomingSubmission } from './incoming-submission';
import { partTooLarge } from './intake-problems';
import { SubmissionEnvelopeDto, SubmitJsonDto } from './submission.dto';

/** One part as multer hands it over (memory storage). */
export interface UploadedPart {
  readonly fieldname: string;
  readonly buffer: Buffer;
}

/** Limits of a submission (DOMAIN.md §1.2 proposes ~10 MB for the application data). */
export const SUBMISSION_LIMITS = {
  dataBytes: 10 * 1024 * 1024,
  metadataBytes: 256 * 1024,
  attachmentBytes: 20 * 1024 * 1024,
  attachments: 10,
} as const;

const ATTACHMENT_PART = /^attachment:([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;
const ENVELOPE_FIELDS = ['destinationId', 'submissionId', 'caseId', 'serviceIdentifier'] as const;

/**
 * Reads a submission from either form (ADR 0008):
 * - `multipart/form-data`: fields `destinationId`, `submissionId`, `caseId`,
 *   `serviceIdentifier`; part `metadata` (JSON) and part `data` (the exact bytes hashed), each a
 *   field or a file part; one file part `attachment:<attachmentId>` per attachment.
 * - `application/json` (no attachments): the envelope, `metadata` as an object and `data` as a
 *   JSON text whose UTF-8 bytes are hashed.
 * A malformed envelope answers 400 problem+json; what the checks judge is left to them.
 */
export async function readSubmission(request: Request, parts: readonly UploadedPart[] | undefined, body: unknown): Promise<IncomingSubmission> {
  if (request.is('multipart/form-data')) return readMultipart(parts ?? [], (body ?? {}) as Record<string, unknown>);
  if (request.is('application/json')) {
    const dto = await validateBody(SubmitJsonDto, body);
    const dataBytes = Buffer.from(dto.data, 'utf8');
    if (dataBytes.length > SUBMISSION_LIMITS.dataBytes) throw partTooLarge('data', SUBMISSION_LIMITS.dataBytes);
    return { ...envelopeOf(dto), metadataBytes: Buffer.from(JSON.stringify(dto.metadata), 'utf8'), dataBytes, attachments: [] };
  }
  throw new UnsupportedMediaTypeException({
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: 'Send the submission as multipart/form-data (with attachments) or application/json (without).',
  } satisfies ProblemDetails);
}

async function readMultipart(parts: readonly UploadedPart[], fields: Record<string, unknown>): Promise<IncomingSubmission> {
  const envelope = await validateBody(SubmissionEnvelopeDto, Object.fromEntries(Object.entries(fields).filter(([name]) => (ENVELOPE_FIELDS as readonly string[]).includes(name))));
  const unknownFields = Object.keys(fields).filter((name) => !(ENVELOPE_FIELDS as readonly string[]).includes(name) && name !== 'metadata' && name !== 'data');
  const unknownParts = parts.filter((part) => part.fieldname !== 'metadata' && part.fieldname !== 'data' && !ATTACHMENT_PART.test(part.fieldname)).map((part) => part.fieldname);
  if (unknownFields.length + unknownParts.length > 0) throw badRequest(`Unknown parts: ${[...unknownFields, ...unknownParts].join(', ')}. Parts are the envelope fields, metadata, data and attachment:<attachmentId>.`);
  const metadataBytes = single(parts, fields, 'metadata');
  const dataBytes = single(parts, fields, 'data');
  if (metadataBytes.length > SUBMISSION_LIMITS.metadataBytes) throw partTooLarge('metadata', SUBMISSION_LIMITS.metadataBytes);
  if (dataBytes.length > SUBMISSION_LIMITS.dataBytes) throw partTooLarge('data', SUBMISSION_LIMITS.dataBytes);
  const attachments: IncomingAttachment[] = [];
  for (const part of parts) {
    const id = ATTACHMENT_PART.exec(part.fieldname)?.[1];
    if (id === undefined) continue;
    if (attachments.some((attachment) => attachment.attachmentId === id)) throw badRequest(`The attachment ${id} is sent twice.`);
    attachments.push({ attachmentId: id, bytes: part.buffer });
  }
  if (attachments.length > SUBMISSION_LIMITS.attachments) throw badRequest(`At most ${SUBMISSION_LIMITS.attachments} attachments per submission.`);
  return { ...envelopeOf(envelope), metadataBytes, dataBytes, attachments };
}

function envelopeOf(dto: SubmissionEnvelopeDto): Pick<IncomingSubmission, 'destinationId' | 'submissionId' | 'caseId' | 'serviceIdentifier'> {
  return { destinationId: dto.destinationId, submissionId: dto.submissionId, caseId: dto.caseId, serviceIdentifier: dto.serviceIdentifier };
}

/** The bytes of a part sent once, as a file part or a text field. */
function single(parts: readonly UploadedPart[], fields: Record<string, unknown>, name: 'metadata' | 'data'): Buffer {
  const files = parts.filter((part) => part.fieldname === name);
  const field = fields[name];
  if (files.length + (field === undefined ? 0 : 1) !== 1 || (field !== undefined && typeof field !== 'string')) throw badRequest(`The submission needs exactly one part '${name}'.`);
  return files.length === 1 ? files[0].buffer : Buffer.from(field as string, 'utf8');
}

function badRequest(detail: string): BadRequestException {
  return new BadRequestException({ type: problemType('bad-request'), title: 'Bad request', status: 400, detail } satisfies ProblemDetails);
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, Matches, MaxLength } from 'class-validator';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const TENANT_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const LEIKA_PATTERN = /^urn:de:fim:leika:leistung:[0-9a-z-]+$/;

/** The envelope of a submission: where it goes, which service, and its ids (FIT-Connect's `POST /submissions`). */
export class SubmissionEnvelopeDto {
  @ApiProperty({ description: 'The destination: the tenant (municipality) id.', example: '14511000' })
  @IsString()
  @Matches(TENANT_PATTERN, { message: 'destinationId must be a tenant id' })
  destinationId!: string;

  @ApiProperty({ description: 'System-wide unique id of the submission (FIT-Connect assigns a UUID); the intake is idempotent on it.', example: '2f1c0b7e-0f8e-4a5e-9c39-5d1d9b2f7a10' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'submissionId must be 1-100 letters, digits or ._:-' })
  submissionId!: string;

  @ApiProperty({ description: 'The case the submission belongs to (later submissions and replies share it).', example: '6c1f7a0e-38a7-4a3c-9c0b-8b8f8f1e3d21' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'caseId must be 1-100 letters, digits or ._:-' })
  caseId!: string;

  @ApiProperty({ description: 'The service (LeiKa URN).', example: 'urn:de:fim:leika:leistung:99115006000000' })
  @IsString()
  @Matches(LEIKA_PATTERN, { message: 'serviceIdentifier must be a LeiKa URN: urn:de:fim:leika:leistung:<key>' })
  serviceIdentifier!: string;
}

/**
 * The JSON variant (no attachments): `data` is the application data as a JSON text, so its
 * UTF-8 bytes are exactly what `contentStructure.data.hash` names.
 */
export class SubmitJsonDto extends SubmissionEnvelopeDto {
  @ApiProperty({ description: 'FIT-Connect metadata (subset: contentStructure, paymentInformation, replyChannel, ...).', type: 'object', additionalProperties: true, example: { contentStructure: { data: { submissionSchema: { schemaUri: 'urn:laufweg:schema:example', mimeType: 'application/json' }, hash: { type: 'sha512', content: '…' } }, attachments: [] } } })
  @IsObject()
  metadata!: Record<string, unknown>;

  @ApiProperty({ description: 'The application data as JSON text; hashed as its UTF-8 bytes.', example: '{"antragsteller":{"name":"Erika Mustermann"}}' })
  @IsString()
  @MaxLength(10 * 1024 * 1024)
  data!: string;
}

export class SubmissionMultipartDto extends SubmissionEnvelopeDto {
  @ApiProperty({ description: 'FIT-Connect metadata as JSON (a field or a file part).', type: 'string', format: 'binary' }) metadata!: string;
  @ApiProperty({ description: 'The application data, the exact bytes its hash names (a file part, or a field).', type: 'string', format: 'binary' }) data!: string;
  @ApiPropertyOptional({ description: 'One file part per attachment, named `attachment:<attachmentId>`.', type: 'string', format: 'binary', name: 'attachment:<attachmentId>' })
  attachment?: string;
}

/** A receipt problem (RFC 9457 members plus the JSON pointer). */
export class ReceiptProblemDto {
  @ApiProperty({ example: 'urn:laufweg:problem:intake:data-invalid' }) type!: string;
  @ApiProperty({ example: 'Fachdaten ungültig' }) title!: string;
  @ApiProperty({ example: '/antragsteller/geburtsdatum: Wert hat nicht das erwartete Format' }) detail!: string;
  @ApiProperty({ description: '`metadata`, `data`, `attachment:<id>` or `submission`.', example: 'data' }) instance!: string;
  @ApiPropertyOptional({ description: 'JSON pointer into the part.', example: '/antragsteller/geburtsdatum' }) pointer?: string;
}

/** The receipt: `accept` with the started instance, or `reject` with the problems. */
export class ReceiptDto {
  @ApiProperty({ enum: ['accept', 'reject'], example: 'accept' }) status!: 'accept' | 'reject';
  @ApiProperty({ example: '2f1c0b7e-0f8e-4a5e-9c39-5d1d9b2f7a10' }) submissionId!: string;
  @ApiProperty({ example: '6c1f7a0e-38a7-4a3c-9c0b-8b8f8f1e3d21' }) caseId!: string;
  @ApiProperty({ example: '2026-11-28T09:15:00.000Z' }) receivedAt!: string;
  @ApiPropertyOptional({ description: 'accept: the route instance started.', example: '2251799813685312' }) processInstanceKey?: string;
  @ApiPropertyOptional({ description: 'reject: a summary.' }) detail?: string;
  @ApiPropertyOptional({ type: [ReceiptProblemDto], description: 'reject: every reason.' }) problems?: readonly ReceiptProblemDto[];
}

export class SubmissionStatusDto {
  @ApiProperty({ example: '2f1c0b7e-0f8e-4a5e-9c39-5d1d9b2f7a10' }) submissionId!: string;
  @ApiProperty({ example: '6c1f7a0e-38a7-4a3c-9c0b-8b8f8f1e3d21' }) caseId!: string;
  @ApiProperty({ example: '14511000' }) tenantId!: string;
  @ApiProperty({ example: 'urn:de:fim:leika:leistung:99115006000000' }) serviceId!: string;
  @ApiProperty({ enum: ['received', 'in-processing', 'needs-input', 'completed', 'rejected'], description: 'The status for the applicant, derived from the route.' })
  status!: string;
  @ApiProperty({ example: '2026-11-28T09:15:00.000Z' }) receivedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2251799813685312' }) processInstanceKey!: string | null;
  @ApiProperty({ type: ReceiptDto }) receipt!: ReceiptDto;
}

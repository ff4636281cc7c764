import { Body, Controller, Get, HttpStatus, Param, Post, Req, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiAuth, assertTenant, type Caller, CurrentCaller, Roles } from '../auth';
import { ClientCertificateBinding } from './client-certificate-binding';
import { SubmissionQueries } from './submission-queries';
import { readSubmission, SUBMISSION_LIMITS, type UploadedPart } from './submission-request';
import { ReceiptDto, SubmissionMultipartDto, SubmissionStatusDto, SubmitJsonDto } from './submission.dto';
import { IntakeService } from './intake.service';

const ID_EXAMPLE = '2f1c0b7e-0f8e-4a5e-9c39-5d1d9b2f7a10';

/**
 * The intake (issue 6): the state portal submits applications like to a FIT-Connect destination;
 * caseworkers read their attachments by reference. See ADR 0008.
 */
@ApiTags('intake')
@ApiAuth()
@ApiExtraModels(SubmitJsonDto, SubmissionMultipartDto)
@Controller('api/v1/submissions')
export class SubmissionsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly queries: SubmissionQueries,
    private readonly certificates: ClientCertificateBinding,
  ) {}

  @Post()
  @Roles('intake')
  @UseInterceptors(
    AnyFilesInterceptor({ limits: { fileSize: SUBMISSION_LIMITS.attachmentBytes, files: SUBMISSION_LIMITS.attachments + 2, fields: 6, fieldSize: SUBMISSION_LIMITS.metadataBytes, parts: SUBMISSION_LIMITS.attachments + 8 } }),
  )
  @ApiOperation({
    summary: 'Submit an application (FIT-Connect shaped). Role: intake, member of the destination tenant.',
    description:
      'multipart/form-data with the envelope fields, `metadata` (JSON), `data` (the exact bytes hashed) and one part `attachment:<attachmentId>` per attachment; ' +
      'or application/json without attachments (`data` as JSON text). Checks in order: SHA-512 hashes, metadata, data against the service schema, service offered. ' +
      'Accepted: stored, the route started (201). Rejected: stored for the audit, nothing started (422 reject receipt). The same submission again: the same receipt (200; a reject again 422). ' +
      'With mutual TLS on, the client certificate must be bound to the destination.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(SubmissionMultipartDto) }, { $ref: getSchemaPath(SubmitJsonDto) }] }, description: 'Multipart with attachments, or JSON without.' })
  @ApiCreatedResponse({ type: ReceiptDto, description: 'Accepted: the accept receipt with the started instance.' })
  @ApiOkResponse({ type: ReceiptDto, description: 'The same submission was received before: its receipt again; nothing new started.' })
  @ApiUnprocessableEntityResponse({ type: ReceiptDto, description: 'Rejected: the reject receipt (application/json) with an RFC 9457 problem per reason; stored, nothing started.' })
  @ApiNotFoundResponse({ description: 'The destination does not exist or the caller is not a member of it (problem+json).' })
  @ApiConflictResponse({ description: 'The submission id is known with different content or for another destination (problem+json); nothing changed.' })
  @ApiPayloadTooLargeResponse({ description: 'A part is over its limit (problem+json).' })
  @ApiServiceUnavailableResponse({ description: 'Valid, but the route could not be started; nothing stored, send again (problem+json).' })
  async submit(
    @CurrentCaller() caller: Caller,
    @UploadedFiles() parts: UploadedPart[] | undefined,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReceiptDto> {
    const incoming = await readSubmission(request, parts, body);
    assertTenant(caller, incoming.destinationId);
    this.certificates.assertBound(request, incoming.destinationId);
    const { duplicate, receipt } = await this.intake.submit(incoming);
    response.status(receipt.status === 'reject' ? HttpStatus.UNPROCESSABLE_ENTITY : duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return receipt;
  }

  @Get(':submissionId')
  @Roles('intake', 'caseworker', 'team', 'admin')
  @ApiOperation({ summary: "A submission's receipt and its status for the applicant. Roles: intake, caseworker, team, admin (member of its tenant)." })
  @ApiParam({ name: 'submissionId', example: ID_EXAMPLE })
  @ApiOkResponse({ type: SubmissionStatusDto })
  @ApiNotFoundResponse({ description: 'No such submission in the caller\'s tenants (problem+json).' })
  async status(@CurrentCaller() caller: Caller, @Param('submissionId') submissionId: string): Promise<SubmissionStatusDto> {
    return this.queries.status(caller, submissionId);
  }

  @Get(':submissionId/attachments/:attachmentId')
  @Roles('caseworker', 'team', 'admin')
  @ApiOperation({ summary: 'The bytes of an attachment, by reference from the route. Roles: caseworker, team, admin (member of its tenant).' })
  @ApiParam({ name: 'submissionId', example: ID_EXAMPLE })
  @ApiParam({ name: 'attachmentId', example: '0b5f3c1e-5c2a-4d7e-8d6f-1a2b3c4d5e6f' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The attachment as received, with its media type.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such attachment in the caller\'s tenants (problem+json).' })
  @ApiGoneResponse({ description: 'Erased after its retention period (problem+json).' })
  async attachment(
    @CurrentCaller() caller: Caller,
    @Param('submissionId') submissionId: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const attachment = await this.queries.attachment(caller, submissionId, attachmentId);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(attachment.content, { type: attachment.mediaType, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`, length: attachment.content.length });
  }
}

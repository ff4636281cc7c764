import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../auth';
import { recordNotFound } from '../api/shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../api/shared/api-params';
import { keyOf } from '../api/shared/key.pipe';
import { type ProblemDetails, problemType } from '../problem/problem-details';
import { DocumentListDto } from './document.dto';
import { DocumentsRepository } from './documents.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The documents the routes rendered (document.render): certificates, notices, letters. Roles
 * caseworker, team and admin of the tenant; another tenant's document answers 404 like an
 * unknown one.
 */
@ApiTags('documents')
@TenantRoute()
@Controller(TENANT_PATH)
export class DocumentsController {
  constructor(private readonly repository: DocumentsRepository) {}

  @Get('documents/:documentId')
  @Roles('caseworker', 'team', 'admin')
  @ApiOperation({ summary: 'The bytes of a rendered document (PDF). Roles: caseworker, team, admin.' })
  @ApiParam({ name: 'documentId', description: 'The document id from the document.render result.', example: '6f1c2a7e-3b1d-4c55-9a43-2f7f0b6a1d10' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF; Content-Disposition names the file, ETag is its SHA-256.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async download(
    @CurrentCaller() caller: Caller,
    @Param('tenantId') tenantId: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    assertTenant(caller, tenantId);
    const document = UUID.test(documentId) ? await this.repository.withContent(tenantId, documentId) : undefined;
    if (!document) throw documentNotFound(documentId);
    response.setHeader('ETag', `"${document.sha256}"`);
    return new StreamableFile(document.content, {
      type: document.mediaType,
      length: document.size,
      disposition: `inline; filename="${document.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(document.name)}`,
    });
  }

  @Get('process-instances/:key/documents')
  @Roles('caseworker', 'team', 'admin')
  @ApiOperation({ summary: 'The documents rendered for a process instance, oldest first (without their bytes); for a case (root instance) also those of its call activities. Roles: caseworker, team, admin.' })
  @KeyParam('key', 'The process instance key.')
  @ApiOkResponse({ type: DocumentListDto })
  async list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string): Promise<DocumentListDto> {
    assertTenant(caller, tenantId);
    const items = await this.repository.ofInstance(tenantId, key);
    if (!items) throw recordNotFound('process-instance', key);
    return { items };
  }
}

function documentNotFound(id: string): NotFoundException {
  return new NotFoundException({ type: problemType('document-not-found'), title: 'Document not found', status: 404, detail: `Document ${id} does not exist in this tenant.` } satisfies ProblemDetails);
}

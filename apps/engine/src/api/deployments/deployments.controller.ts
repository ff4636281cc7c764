import { Body, Controller, Get, HttpStatus, NotFoundException, Param, Post, Query, Req, Res, UnsupportedMediaTypeException, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { type ProblemDetails, problemType } from '../../problem/problem-details';
import { problemExample, recordNotFound } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { keyOf } from '../shared/key.pipe';
import { pageOf, PagingQueryDto } from '../shared/paging.dto';
import { validateBody } from '../shared/validate-body';
import { DeployJsonDto, DeploymentPageDto, DeploymentResourceListDto, DeploymentResourceQueryDto, DeploymentResultDto } from './deployment.dto';
import { type IncomingResource, RESOURCE_MEDIA_TYPES } from './deployment-resources';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentsService } from './deployments.service';

/** One uploaded file as multer hands it over (memory storage). */
interface UploadedFile {
  readonly originalname: string;
  readonly buffer: Buffer;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 50;

/** Deployments of a tenant: designers upload routes with their forms and decisions. */
@ApiTags('deployments')
@TenantRoute()
@Controller(`${TENANT_PATH}/deployments`)
export class DeploymentsController {
  constructor(
    private readonly deployments: DeploymentsService,
    private readonly repository: DeploymentsRepository,
  ) {}

  @Post()
  @Roles('designer')
  @UseInterceptors(AnyFilesInterceptor({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 0, parts: MAX_FILES } }))
  @ApiOperation({
    summary: 'Deploy a BPMN document with its forms (.form) and decisions (.dmn). Role: designer.',
    description:
      'multipart/form-data with one `.bpmn` file and any `.form` / `.dmn` files (any field name; 10 MiB per file, 50 files), or JSON `{ resourceName, content, resources }` ' +
      'within the API\'s JSON body limit, and at most one `.values.json` (the municipality\'s values, `{ "municipality": { … } }`). Every file is checked before anything is stored; ' +
      'values for the main process of a route of PROCESSES_DIR must meet municipality.schema.json and the route\'s values schema (each violation rule `route-values`, field `<file>#<JSON pointer>`). ' +
      'The same BPMN and resources as the latest deployment answer 200 with `duplicate: true`.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ type: DeployJsonDto, description: 'JSON form; for multipart send the files as parts.' })
  @ApiCreatedResponse({ type: DeploymentResultDto, description: 'Deployed: new versions of the processes in it.' })
  @ApiOkResponse({ type: DeploymentResultDto, description: 'Nothing new: the latest deployment has the same content.' })
  @ApiUnprocessableEntityResponse({
    description: 'The model or a resource is invalid (problem+json `invalid-deployment`, every problem in `errors`); nothing was stored.',
    schema: problemExample('invalid-deployment', 'Invalid deployment', 422, 'The deployment has one problem; nothing was stored.', {
      errors: [{ rule: 'xml-doctype-forbidden', message: 'The document contains a DOCTYPE or ENTITY declaration, which is refused for security (XXE); remove it.' }],
    }),
  })
  @ApiPayloadTooLargeResponse({ description: 'A file or the body is over the limit (problem+json).' })
  async deploy(
    @CurrentCaller() caller: Caller,
    @Param('tenantId') tenantId: string,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeploymentResultDto> {
    assertTenant(caller, tenantId);
    const result = await this.deployments.deploy(tenantId, caller.subject, await incomingFiles(request, files, body));
    response.status(result.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return result;
  }

  @Get()
  @Roles('designer', 'team')
  @ApiOperation({ summary: 'List the deployments of the tenant, newest first. Roles: designer, team.' })
  @ApiOkResponse({ type: DeploymentPageDto })
  async list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: PagingQueryDto): Promise<DeploymentPageDto> {
    assertTenant(caller, tenantId);
    const { limit, offset } = pageOf(query);
    return { ...(await this.repository.list(tenantId, limit, offset)), limit, offset };
  }

  @Get(':deploymentKey/resources')
  @Roles('designer', 'team')
  @ApiOperation({
    summary: 'List the forms, decisions and values of a deployment (name, kind, id, checksum; without content). Roles: designer, team.',
    description: 'With the BPMN (GET …/process-definitions/{key}/xml) and each content (GET …/resources/content?name=…), a client can deploy the same files again.',
  })
  @KeyParam('deploymentKey', 'The deployment key.')
  @ApiOkResponse({ type: DeploymentResourceListDto })
  async resources(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('deploymentKey', keyOf('deployment')) deploymentKey: string): Promise<DeploymentResourceListDto> {
    assertTenant(caller, tenantId);
    const list = await this.repository.resources(tenantId, deploymentKey);
    if (!list) throw recordNotFound('deployment', deploymentKey);
    return list;
  }

  // The name is a query parameter, not a path segment: names contain '/' (forms/x.form,
  // tenants/plauen.values.json), and an encoded slash (%2F) in a path is refused or decoded by
  // common reverse proxies (Apache's AllowEncodedSlashes is off by default).
  @Get(':deploymentKey/resources/content')
  @Roles('designer', 'team')
  @ApiOperation({
    summary: 'The content of one resource of a deployment, verbatim: forms and values as application/json, decisions as application/xml. Roles: designer, team.',
    description: 'The resource is named by the query parameter `name` as listed, folders included (`?name=tenants%2Fplauen.values.json`). ETag is the SHA-256 of the content.',
  })
  @KeyParam('deploymentKey', 'The deployment key.')
  @ApiProduces('application/json', 'application/xml')
  @ApiOkResponse({
    description: 'The file as deployed.',
    content: {
      'application/json': { schema: { type: 'object', example: { id: 'urkunden-issue-certificate', type: 'default', components: [] } } },
      'application/xml': { schema: { type: 'string', example: '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" …/>' } },
    },
  })
  async resourceContent(
    @CurrentCaller() caller: Caller,
    @Param('tenantId') tenantId: string,
    @Param('deploymentKey', keyOf('deployment')) deploymentKey: string,
    @Query() query: DeploymentResourceQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    assertTenant(caller, tenantId);
    const found = await this.repository.resource(tenantId, deploymentKey, query.name);
    if (found === 'no-deployment') throw recordNotFound('deployment', deploymentKey);
    if (!found) throw resourceNotFound(deploymentKey, query.name);
    const fileName = found.name.slice(found.name.lastIndexOf('/') + 1);
    response.setHeader('Content-Type', `${RESOURCE_MEDIA_TYPES[found.kind]}; charset=utf-8`);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    response.setHeader('ETag', `"${found.checksum}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return found.content;
  }
}

function resourceNotFound(deploymentKey: string, name: string): NotFoundException {
  return new NotFoundException({
    type: problemType('deployment-resource-not-found'),
    title: 'Deployment resource not found',
    status: 404,
    detail: `Deployment ${deploymentKey} has no resource named '${name}'.`,
  } satisfies ProblemDetails);
}

async function incomingFiles(request: Request, files: UploadedFile[] | undefined, body: unknown): Promise<IncomingResource[]> {
  if (request.is('multipart/form-data')) return (files ?? []).map((file) => ({ name: file.originalname, content: decodeText(file.buffer) }));
  if (request.is('application/json')) {
    const dto = await validateBody(DeployJsonDto, body);
    return [{ name: dto.resourceName, content: dto.content }, ...(dto.resources ?? []).map((resource) => ({ name: resource.name, content: resource.content }))];
  }
  throw new UnsupportedMediaTypeException({
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: 'Send the deployment as multipart/form-data or application/json.',
  });
}

/** Text by the encoding an XML declaration names (ISO-8859-1 exports exist), else UTF-8. */
function decodeText(buffer: Buffer): string {
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/.exec(buffer.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(buffer);
  } catch {
    return buffer.toString('utf8');
  }
}

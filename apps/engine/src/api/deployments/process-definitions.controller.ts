import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { recordNotFound } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { keyOf } from '../shared/key.pipe';
import { pageOf } from '../shared/paging.dto';
import { ProcessDefinitionPageDto, ProcessDefinitionQueryDto } from './deployment.dto';
import { DeploymentsRepository } from './deployments.repository';

/** The deployed process definitions of a tenant and their BPMN. */
@ApiTags('process-definitions')
@TenantRoute()
@Controller(`${TENANT_PATH}/process-definitions`)
export class ProcessDefinitionsController {
  constructor(private readonly repository: DeploymentsRepository) {}

  @Get()
  @Roles('designer', 'team', 'caseworker')
  @ApiOperation({ summary: 'List process definitions: the latest version per process id, or every version (allVersions=true). Roles: designer, team, caseworker.' })
  @ApiOkResponse({ type: ProcessDefinitionPageDto })
  async list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: ProcessDefinitionQueryDto): Promise<ProcessDefinitionPageDto> {
    assertTenant(caller, tenantId);
    const { limit, offset } = pageOf(query);
    const page = await this.repository.definitions(tenantId, { ...(query.processId ? { processId: query.processId } : {}), allVersions: query.allVersions ?? false, limit, offset });
    return { ...page, limit, offset };
  }

  @Get(':key/xml')
  @Roles('designer', 'team', 'caseworker')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The BPMN XML of a process definition, as deployed. Roles: designer, team, caseworker (to show the diagram).' })
  @KeyParam('key', 'The process definition key.')
  @ApiOkResponse({ description: 'The BPMN document.', schema: { type: 'string', example: '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions …/>' } })
  async xml(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-definition')) key: string): Promise<string> {
    assertTenant(caller, tenantId);
    const found = await this.repository.definitionXml(tenantId, key);
    if (!found) throw recordNotFound('process-definition', key);
    return found.content;
  }
}

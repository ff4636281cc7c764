import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EngineRuntime } from '@laufweg/persistence';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { problemExample } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { runCommand } from '../shared/command-outcome';
import { keyOf } from '../shared/key.pipe';
import { pageOf } from '../shared/paging.dto';
import { IncidentPageDto, ResolveIncidentDto, SearchIncidentsDto } from './incident.dto';
import { IncidentsRepository } from './incidents.repository';

/** Incidents: what stopped an instance, for the team to fix and retry. A resolved incident is gone, so resolving it again is 404. */
@ApiTags('incidents')
@TenantRoute()
@Controller(`${TENANT_PATH}/incidents`)
export class IncidentsController {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly repository: IncidentsRepository,
  ) {}

  @Get()
  @Roles('team')
  @ApiOperation({ summary: 'List open incidents, newest first by default; by instance, process, element or error type. Role: team.' })
  @ApiOkResponse({ type: IncidentPageDto })
  async search(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: SearchIncidentsDto): Promise<IncidentPageDto> {
    assertTenant(caller, tenantId);
    const { limit, offset, order } = pageOf(query);
    return { ...(await this.repository.search(tenantId, { ...query, order, limit, offset })), limit, offset };
  }

  @Post(':key/resolve')
  @HttpCode(204)
  @Roles('team')
  @ApiOperation({ summary: 'Resolve an incident and retry: a job gets retries back, any other element runs its failed step again. Role: team.' })
  @KeyParam('key', 'The incident key.')
  @ApiNoContentResponse({ description: 'Resolved; the element is retried (it may raise a new incident).' })
  @ApiConflictResponse({ description: 'The engine refused (problem+json `command-rejected`).', schema: problemExample('command-rejected', 'Command rejected', 409, 'A job incident needs retries > 0 to be resolved.') })
  async resolve(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('incident')) key: string, @Body() body: ResolveIncidentDto): Promise<void> {
    assertTenant(caller, tenantId);
    await runCommand('incident', key, () => this.runtime.resolveIncident(tenantId, key, body.retries));
  }
}

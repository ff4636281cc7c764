import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { recordNotFound } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { keyOf } from '../shared/key.pipe';
import { pageOf } from '../shared/paging.dto';
import { parseVariableFilter } from '../shared/variable-filter';
import { HistoryPageDto, HistoryQueryDto, ProcessInstanceDetailDto, ProcessInstancePageDto, SearchProcessInstancesDto } from './process-instance.dto';
import { ProcessInstancesRepository } from './process-instances.repository';

/**
 * Reading process instances: search, one instance with its active elements, variables and
 * incidents, and its history. Role: team (the OZG team watches running instances); case data is
 * personal data, so neither designers nor caseworkers read instances here (caseworkers see the
 * case data of their tasks).
 */
@ApiTags('process-instances')
@TenantRoute()
@Controller(`${TENANT_PATH}/process-instances`)
export class ProcessInstancesController {
  constructor(private readonly repository: ProcessInstancesRepository) {}

  @Get()
  @Roles('team')
  @ApiOperation({ summary: 'Search process instances by status, process, business key, variables, time range and incidents; paged and sorted. Role: team.' })
  @ApiOkResponse({ type: ProcessInstancePageDto })
  async search(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: SearchProcessInstancesDto): Promise<ProcessInstancePageDto> {
    assertTenant(caller, tenantId);
    const { limit, offset, order } = pageOf(query);
    const page = await this.repository.search(tenantId, {
      ...query,
      variables: (query.variables ?? []).map(parseVariableFilter),
      sortBy: query.sortBy ?? 'startedAt',
      order,
      limit,
      offset,
    });
    return { ...page, limit, offset };
  }

  @Get(':key')
  @Roles('team')
  @ApiOperation({ summary: 'One process instance: state, active element instances, variables and open incidents. Role: team.' })
  @KeyParam('key', 'The process instance key.')
  @ApiOkResponse({ type: ProcessInstanceDetailDto })
  async get(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string): Promise<ProcessInstanceDetailDto> {
    assertTenant(caller, tenantId);
    const detail = await this.repository.detail(tenantId, key);
    if (!detail) throw recordNotFound('process-instance', key);
    return { ...detail.instance, elementInstances: detail.elementInstances, variables: detail.variables, openIncidents: detail.openIncidents };
  }

  @Get(':key/history')
  @Roles('team')
  @ApiOperation({ summary: "The timeline of the instance's tree (the instance and those its call activities started) from the event log, oldest first; cursor paging. Role: team." })
  @KeyParam('key', 'The process instance key.')
  @ApiOkResponse({ type: HistoryPageDto })
  async history(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    assertTenant(caller, tenantId);
    const instance = await this.repository.find(tenantId, key);
    if (!instance) throw recordNotFound('process-instance', key);
    const limit = query.limit ?? 200;
    const items = await this.repository.history(tenantId, instance.rootKey, query.afterPosition ?? 0, limit);
    return { items, nextPosition: items.length === limit ? items[items.length - 1].position : null };
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { EngineRuntime } from '@laufweg/persistence';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { problemExample, recordNotFound } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { runCommand } from '../shared/command-outcome';
import { keyOf } from '../shared/key.pipe';
import { InstanceMigrationService } from './instance-migration.service';
import { MigrateProcessInstancesDto, MigrationResultDto } from './migrate-process-instances.dto';
import { ModifyProcessInstanceDto, StartedProcessInstanceDto, StartProcessInstanceDto } from './process-instance.dto';
import { ProcessInstancesRepository } from './process-instances.repository';

const REJECTED = {
  description: 'The engine refused the command in the instance\'s current state, e.g. it already ended (problem+json `command-rejected`); nothing changed.',
  schema: problemExample('command-rejected', 'Command rejected', 409, 'No active root process instance 2251799813685400.'),
} as const;

/**
 * Commands on process instances. Starting: designer (test runs), caseworker (a case filed on
 * paper at the counter) and team (end-to-end trials); the portal starts routes through messages.
 * Cancel, modify and migrate are operations of the team.
 */
@ApiTags('process-instances')
@TenantRoute()
@Controller(TENANT_PATH)
export class ProcessInstanceCommandsController {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly repository: ProcessInstancesRepository,
    private readonly migration: InstanceMigrationService,
  ) {}

  @Post('process-definitions/:processId/start')
  @Roles('designer', 'caseworker', 'team')
  @ApiOperation({ summary: 'Start an instance of the latest version of a process, with variables and a business key. Roles: designer, caseworker, team.' })
  @ApiParam({ name: 'processId', description: 'The BPMN process id.', example: 'building-permit' })
  @ApiCreatedResponse({ type: StartedProcessInstanceDto })
  @ApiConflictResponse(REJECTED)
  async start(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('processId') processId: string, @Body() body: StartProcessInstanceDto): Promise<StartedProcessInstanceDto> {
    assertTenant(caller, tenantId);
    if (!(await this.repository.isDeployed(tenantId, processId))) throw recordNotFound('process-definition', processId);
    const result = await runCommand('process-definition', processId, () =>
      this.runtime.startInstance(tenantId, { processId, ...(body.variables ? { variables: body.variables } : {}), ...(body.businessKey ? { businessKey: body.businessKey } : {}) }),
    );
    return { processInstanceKey: result.createdRoots[0], processId };
  }

  @Post('process-instances/:key/cancel')
  @HttpCode(204)
  @Roles('team')
  @ApiOperation({ summary: 'Cancel a running root process instance (its called instances end with it). Role: team.' })
  @KeyParam('key', 'The process instance key.')
  @ApiNoContentResponse({ description: 'Canceled.' })
  @ApiConflictResponse(REJECTED)
  async cancel(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string): Promise<void> {
    assertTenant(caller, tenantId);
    await runCommand('process-instance', key, () => this.runtime.cancelInstance(tenantId, key));
  }

  @Post('process-instances/:key/modify')
  @HttpCode(204)
  @Roles('team')
  @ApiOperation({ summary: 'Activate elements (with local variables) and terminate element instances of a running instance. Role: team.' })
  @KeyParam('key', 'The process instance key.')
  @ApiNoContentResponse({ description: 'Modified.' })
  @ApiConflictResponse(REJECTED)
  async modify(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string, @Body() body: ModifyProcessInstanceDto): Promise<void> {
    assertTenant(caller, tenantId);
    await runCommand('process-instance', key, () =>
      this.runtime.modifyInstance(tenantId, key, {
        ...(body.activate ? { activate: body.activate.map((entry) => ({ elementId: entry.elementId, ...(entry.variables ? { variables: entry.variables } : {}) })) } : {}),
        ...(body.terminate ? { terminate: body.terminate } : {}),
      }),
    );
  }

  @Post('process-instances/migrate')
  @HttpCode(200)
  @Roles('team')
  @ApiOperation({ summary: 'Migrate running instances to another process definition with an element mapping: all are validated first, then migrated in batches. Role: team.' })
  @ApiOkResponse({ type: MigrationResultDto })
  @ApiUnprocessableEntityResponse({
    description: 'The mapping does not fit every instance (problem+json `migration-invalid`, one entry per instance and element); nothing was migrated.',
    schema: problemExample('migration-invalid', 'Migration not possible', 422, 'The mapping does not fit every instance; nothing was migrated.', {
      errors: [{ field: 'processInstanceKeys[0]', elementId: 'remind', rule: 'migration-mapping', message: "2251799813685400: Active element 'remind' has no mapping to the target version." }],
    }),
  })
  async migrate(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Body() body: MigrateProcessInstancesDto): Promise<MigrationResultDto> {
    assertTenant(caller, tenantId);
    return this.migration.migrate(tenantId, body);
  }
}

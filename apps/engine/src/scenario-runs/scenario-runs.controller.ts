import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiAuth, assertTenant, type Caller, CurrentCaller, Roles } from '../auth';
import { problemExample } from '../api/shared/api-problems';
import { RunScenarioDto, ScenarioRunResultDto } from './scenario-run.dto';
import { ScenarioRunsService } from './scenario-runs.service';

/** Scenario tests of routes for the designers and the OZG team, in a sandbox (docs/scenarios.md). */
@ApiTags('scenario-runs')
@ApiAuth()
@Controller('api/v1/scenario-runs')
export class ScenarioRunsController {
  constructor(private readonly scenarios: ScenarioRunsService) {}

  @Post()
  @HttpCode(200)
  @Roles('designer', 'team')
  @ApiOperation({
    summary:
      'Run a scenario (YAML) on a deployed route of the tenant (its latest version) or on draft BPMN XML. It runs on the durable engine in a throwaway sandbox tenant with a virtual clock: no real instance, tenant or connector is touched. Roles: designer, team.',
  })
  @ApiOkResponse({ type: ScenarioRunResultDto, description: 'The run, passed or failed (a failed scenario is a result, not an error).' })
  @ApiUnprocessableEntityResponse({
    description: 'The scenario is invalid (every problem with its YAML path), or the route does not compile (problem+json).',
    schema: problemExample('scenario-invalid', 'Invalid scenario', 422, 'The scenario has 1 problem; nothing ran.', { errors: [{ field: 'steps[0].wait', message: "line 5: 'soon' is neither an ISO 8601 duration (P1D, PT2H, P1M) nor 'N working days'" }] }),
  })
  @ApiNotFoundResponse({ description: 'The tenant does not exist or the caller is no member, or the process is not deployed in it (problem+json).' })
  @ApiBadRequestResponse({ description: 'Malformed JSON, unknown fields or wrong types (problem+json).' })
  async run(@CurrentCaller() caller: Caller, @Body() body: RunScenarioDto): Promise<ScenarioRunResultDto> {
    assertTenant(caller, body.tenantId);
    return this.scenarios.run(body);
  }
}

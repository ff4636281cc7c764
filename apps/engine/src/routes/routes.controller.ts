import { Controller, HttpStatus, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { unprocessable } from '../api/shared/api-problems';
import { TENANT_PATH, TenantRoute } from '../api/shared/api-params';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../auth';
import { type ProblemDetails, problemType } from '../problem/problem-details';
import { RouteCatalogReader } from './route-catalog';
import { RouteDeployer } from './route-deployer';

class RouteDeploymentDto {
  @ApiProperty({ example: 'bewohnerparkausweis' }) routeId!: string;
  @ApiProperty({ example: 'plauen' }) tenantId!: string;
  @ApiProperty({ description: 'Each BPMN document (shared call activities first).', example: [{ resourceName: 'bewohnerparkausweis.bpmn', deploymentKey: '2251799813685249', duplicate: false, processes: [{ processId: 'bewohnerparkausweis', processDefinitionKey: '2251799813685250', version: 1 }] }] })
  deployments!: unknown[];
  @ApiProperty({ description: 'Services (LeiKa) the tenant now offers with this route.', example: ['urn:de:fim:leika:leistung:demo-bewohnerparkausweis'] }) services!: string[];
}

/** Deploys a route of `processes/` for one tenant on demand (issue 6). */
@ApiTags('routes')
@TenantRoute()
@Controller(`${TENANT_PATH}/routes`)
export class RoutesController {
  constructor(
    private readonly catalog: RouteCatalogReader,
    private readonly deployer: RouteDeployer,
  ) {}

  @Post(':routeId/deploy')
  @Roles('admin', 'designer')
  @ApiOperation({ summary: "Deploy a route of processes/ with the tenant's own values, and offer its services at the intake. Roles: admin, designer." })
  @ApiParam({ name: 'routeId', example: 'bewohnerparkausweis' })
  @ApiCreatedResponse({ type: RouteDeploymentDto, description: 'Deployed (at least one new version).' })
  @ApiOkResponse({ type: RouteDeploymentDto, description: 'Nothing new: every document was deployed unchanged before.' })
  @ApiUnprocessableEntityResponse({ description: 'The route or the tenant\'s values are invalid (problem+json `invalid-route`, with element ids).' })
  async deploy(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('routeId') routeId: string, @Res({ passthrough: true }) response: Response): Promise<RouteDeploymentDto> {
    assertTenant(caller, tenantId);
    const bundle = this.catalog.find(routeId);
    if (!bundle) {
      throw new NotFoundException({ type: problemType('route-not-found'), title: 'Route not found', status: 404, detail: `There is no route '${routeId}' in processes/.` } satisfies ProblemDetails);
    }
    const result = await this.deployer.deploy(bundle, tenantId, caller.subject);
    if (!result.ok) throw unprocessable('invalid-route', 'Invalid route', `Route '${routeId}' cannot be deployed for '${tenantId}'; nothing new was offered.`, [...result.problems]);
    response.status(result.report.deployments.every((deployment) => deployment.duplicate) ? HttpStatus.OK : HttpStatus.CREATED);
    return { ...result.report, deployments: [...result.report.deployments], services: [...result.report.services] };
  }
}

import { Controller, Get, Header, HttpStatus, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
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

class RouteServiceDto {
  @ApiProperty({ example: 'urn:de:fim:leika:leistung:99027002012000' }) id!: string;
  @ApiProperty({ example: 'Geburtsurkunde anfordern' }) name!: string;
}

class RouteSummaryDto {
  @ApiProperty({ example: 'urkunden' }) id!: string;
  @ApiProperty({ example: 'Personenstandsurkunden' }) name!: string;
  @ApiProperty({ example: 'urkunden', description: 'The process id of the route.' }) process!: string;
  @ApiProperty({ type: [RouteServiceDto] }) services!: RouteServiceDto[];
  @ApiProperty({ description: 'Whether this tenant has its own values for the route (tenants/<tenant>.yaml).' }) hasValues!: boolean;
  @ApiProperty({ type: [String], description: 'Scenario files of the route.', example: ['01-geburtsurkunde-bezahlt.yaml'] }) scenarios!: string[];
}

/** The routes of `processes/` (templates every municipality deploys with its values): list, scenarios, deploy for one tenant. */
@ApiTags('routes')
@TenantRoute()
@Controller(`${TENANT_PATH}/routes`)
export class RoutesController {
  constructor(
    private readonly catalog: RouteCatalogReader,
    private readonly deployer: RouteDeployer,
  ) {}

  @Get()
  @Roles('designer', 'team', 'admin')
  @ApiOperation({ summary: 'The routes of processes/ with their services and scenario files, and whether this tenant has values for them. Roles: designer, team, admin.' })
  @ApiOkResponse({ type: [RouteSummaryDto] })
  list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string): RouteSummaryDto[] {
    assertTenant(caller, tenantId);
    return this.catalog.read().bundles.map((bundle) => ({
      id: bundle.id,
      name: bundle.name,
      process: bundle.process,
      services: bundle.services.map((service) => ({ id: service.id, name: service.name })),
      hasValues: bundle.tenants.includes(tenantId),
      scenarios: bundle.scenarios.map((file) => file.name.replace(/^scenarios\//, '')),
    }));
  }

  @Get(':routeId/scenarios/:name')
  @Roles('designer', 'team', 'admin')
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiProduces('application/yaml')
  @ApiOperation({ summary: "One scenario file of a route (YAML), to run it with POST /api/v1/scenario-runs. Roles: designer, team, admin." })
  @ApiParam({ name: 'routeId', example: 'urkunden' })
  @ApiParam({ name: 'name', example: '01-geburtsurkunde-bezahlt.yaml' })
  @ApiOkResponse({ description: 'The scenario as written (YAML).', schema: { type: 'string' } })
  scenario(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('routeId') routeId: string, @Param('name') name: string): string {
    assertTenant(caller, tenantId);
    const file = this.catalog.find(routeId)?.scenarios.find((candidate) => candidate.name === `scenarios/${name}`);
    if (!file) {
      throw new NotFoundException({ type: problemType('scenario-not-found'), title: 'Scenario not found', status: 404, detail: `Route '${routeId}' has no scenario '${name}' in processes/.` } satisfies ProblemDetails);
    }
    return file.content;
  }

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

import { Injectable } from '@nestjs/common';
import type { JsonObject, ModelProblem } from '@laufweg/bpmn-model';
import { EngineRuntime, withTenants } from '@laufweg/persistence';
import { type RouteBundle, routeDeployments } from '@laufweg/routes';
import { TenantServicesRepository } from '../intake/tenant-services.repository';

/** A route deployed for one tenant: each BPMN document's outcome and the services now offered. */
export interface RouteDeploymentReport {
  readonly routeId: string;
  readonly tenantId: string;
  readonly deployments: readonly { readonly resourceName: string; readonly deploymentKey: string; readonly duplicate: boolean; readonly processes: readonly { processId: string; processDefinitionKey: string; version: number }[] }[];
  readonly services: readonly string[];
}

/** Why a route could not be deployed for a tenant; `elementId` where the model names one. */
export interface RouteProblem {
  readonly rule: string;
  readonly message: string;
  readonly elementId?: string;
  readonly field?: string;
}

export type RouteDeployResult = { readonly ok: true; readonly report: RouteDeploymentReport } | { readonly ok: false; readonly problems: readonly RouteProblem[] };

/**
 * Deploys a route bundle for one tenant: the shared call activities first, then the route with
 * its forms, decisions and the municipality's values (`routeDeployments`), through the runtime's
 * DeploymentStore (unchanged content is a no-op); then records the services the municipality
 * offers with this route in `tenant_service`, so the intake routes their submissions here.
 */
@Injectable()
export class RouteDeployer {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly services: TenantServicesRepository,
  ) {}

  async deploy(bundle: RouteBundle, tenantId: string, createdBy: string): Promise<RouteDeployResult> {
    const planned = routeDeployments(bundle, tenantId);
    if (!planned.ok) return { ok: false, problems: planned.problems.map((message) => ({ rule: 'route-values', message })) };
    const deployments: RouteDeploymentReport['deployments'][number][] = [];
    for (const deployment of planned.deployments) {
      const result = await this.runtime.deploy({ tenantId, resourceName: deployment.resourceName, content: deployment.content, resources: deployment.resources, createdBy });
      if (!result.ok) return { ok: false, problems: modelProblems(result.problems, deployment.resourceName) };
      deployments.push({ resourceName: deployment.resourceName, deploymentKey: result.value.deploymentKey, duplicate: result.value.duplicate, processes: result.value.processes.map((process) => ({ ...process })) });
    }
    const offered = offeredServices(planned.values);
    const services = bundle.services.filter((service) => offered.includes(service.id));
    await withTenants(this.runtime.pool, [tenantId], (client) =>
      this.services.upsert(
        client,
        services.map((service) => ({ tenantId, serviceId: service.id, serviceName: service.name, routeId: bundle.id, processId: bundle.process, startMessage: bundle.startMessage, schema: service.schema })),
      ),
    );
    return { ok: true, report: { routeId: bundle.id, tenantId, deployments, services: services.map((service) => service.id) } };
  }
}

function offeredServices(values: JsonObject): string[] {
  const services = values['services'];
  return Array.isArray(services) ? services.filter((service): service is string => typeof service === 'string') : [];
}

function modelProblems(problems: readonly ModelProblem[], resourceName: string): RouteProblem[] {
  return problems
    .filter((problem) => problem.severity === 'error')
    .map(({ rule, message, elementId }) => ({ rule, message: `${resourceName}: ${message}`, field: resourceName, ...(elementId ? { elementId } : {}) }));
}

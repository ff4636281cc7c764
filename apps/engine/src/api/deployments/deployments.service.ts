import { Injectable } from '@nestjs/common';
import { loadBpmnModel, type ModelProblem } from '@laufweg/bpmn-model';
import { EngineRuntime } from '@laufweg/persistence';
import { unprocessable } from '../shared/api-problems';
import type { DeploymentResultDto } from './deployment.dto';
import { type IncomingResource, type ResourceProblem, sortDeployment } from './deployment-resources';
import { RouteValuesCheck } from './route-values-check';

/**
 * Deploys a BPMN document with its forms and decisions: every file is checked first, and any
 * problem answers 422 `invalid-deployment` listing all of them (rule, element id or file,
 * message) with nothing stored. The municipality's values of a route of the catalog are checked
 * against the route's schemas (`RouteValuesCheck`). The runtime stores the BPMN, its resources and the new versions
 * in one transaction.
 */
@Injectable()
export class DeploymentsService {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly routeValues: RouteValuesCheck,
  ) {}

  async deploy(tenantId: string, createdBy: string, files: readonly IncomingResource[]): Promise<DeploymentResultDto> {
    const sorted = sortDeployment(files);
    const problems: ResourceProblem[] = [...sorted.problems];
    if (sorted.bpmn) problems.push(...(await this.routeValues.problems(sorted.bpmn, sorted.resources)));
    if (sorted.bpmn && problems.length > 0) {
      const loaded = await loadBpmnModel(sorted.bpmn.content);
      if (!loaded.ok) problems.push(...errorsOf(loaded.problems));
    }
    if (problems.length > 0 || !sorted.bpmn) throw invalidDeployment(problems);
    const result = await this.runtime.deploy({ tenantId, resourceName: sorted.bpmn.name, content: sorted.bpmn.content, createdBy, resources: sorted.resources });
    if (!result.ok) throw invalidDeployment(errorsOf(result.problems));
    return {
      deploymentKey: result.value.deploymentKey,
      duplicate: result.value.duplicate,
      processes: [...result.value.processes],
      resources: sorted.resources.map((resource) => ({ name: resource.name, kind: resource.kind, resourceId: resource.resourceId ?? null })),
      warnings: result.warnings.map(({ rule, elementId, message }) => ({ rule, message, ...(elementId ? { elementId } : {}) })),
    };
  }
}

function errorsOf(problems: readonly ModelProblem[]): ResourceProblem[] {
  return problems.filter((problem) => problem.severity === 'error').map(({ rule, elementId, message }) => ({ rule, message, ...(elementId ? { elementId } : {}) }));
}

function invalidDeployment(problems: readonly ResourceProblem[]): ReturnType<typeof unprocessable> {
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return unprocessable('invalid-deployment', 'Invalid deployment', `The deployment has ${count}; nothing was stored.`, problems);
}

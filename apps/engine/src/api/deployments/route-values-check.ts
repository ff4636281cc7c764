import { Injectable } from '@nestjs/common';
import { elementsProp, isA, parseBpmn, stringProp } from '@laufweg/bpmn-model';
import { type DeploymentResourceInput, parseValues } from '@laufweg/persistence';
import { tenantValuesViolations } from '@laufweg/routes';
import { RouteCatalogReader } from '../../routes/route-catalog';
import type { IncomingResource, ResourceProblem } from './deployment-resources';

/**
 * The municipality's values of a deployment checked as deploying a route checks them
 * (POST …/routes/{id}/deploy): when a process of the BPMN is the main process of a route of the
 * catalog (PROCESSES_DIR), its `municipality` must meet `municipality.schema.json` and the
 * route's values schema, and offer only the route's services. Each violation is one problem
 * (rule `route-values`) whose `field` is the values file and the JSON pointer in it
 * (`tenants/plauen.values.json#/municipality/fees/certificate`). Values of processes that are no
 * route keep the deployment's own check (a JSON object, `sortDeployment`).
 */
@Injectable()
export class RouteValuesCheck {
  constructor(private readonly catalog: RouteCatalogReader) {}

  async problems(bpmn: IncomingResource, resources: readonly DeploymentResourceInput[]): Promise<ResourceProblem[]> {
    const values = resources.find((resource) => resource.kind === 'values');
    if (!values) return [];
    const processIds = await processIdsOf(bpmn.content);
    if (processIds.length === 0) return [];
    const bundle = this.catalog.read().bundles.find((candidate) => processIds.includes(candidate.process));
    if (!bundle) return [];
    const municipality = parseValues(values.content)?.['municipality'];
    return tenantValuesViolations(bundle, municipality).map(({ path, message }) => {
      const pointer = `/municipality${path}`;
      return { rule: 'route-values', field: `${values.name}#${pointer}`, message: `${values.name}: ${pointer} ${message} (values of route '${bundle.id}')` };
    });
  }
}

/** The ids of the document's processes; none when it does not parse (the deployment reports that). */
async function processIdsOf(xml: string): Promise<string[]> {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) return [];
  return elementsProp(parsed.value.definitions, 'rootElements')
    .filter((root) => isA(root, 'bpmn:Process'))
    .map((process) => stringProp(process, 'id'))
    .filter((id): id is string => id !== undefined);
}

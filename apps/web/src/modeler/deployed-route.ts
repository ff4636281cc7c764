import type { AppContext } from '../core/app-context';
import type { DeploymentResources, ProcessDefinition } from '../core/api-types';
import { withQuery } from '../core/api-client';
import type { RouteDraft } from './drafts';

/**
 * A deployed version as a draft: its BPMN and every file deployed with it — forms, decisions and
 * the municipality's values (`tenants/<tenant>.values.json`) — under their deployed names, so
 * deploying the draft again keeps them (and changes nothing while nothing was edited).
 */
export async function loadDeployedRoute(context: AppContext, definition: Pick<ProcessDefinition, 'processDefinitionKey' | 'deploymentKey'>): Promise<RouteDraft> {
  const deployment = context.tenantPath(`/deployments/${encodeURIComponent(definition.deploymentKey)}`);
  const [bpmn, list] = await Promise.all([
    context.api.getText(context.tenantPath(`/process-definitions/${encodeURIComponent(definition.processDefinitionKey)}/xml`)),
    context.api.get<DeploymentResources>(`${deployment}/resources`),
  ]);
  const contents = await Promise.all(list.items.map((item) => context.api.getText(withQuery(`${deployment}/resources/content`, { name: item.name }))));
  return { bpmnName: list.resourceName, bpmn, resources: Object.fromEntries(list.items.map((item, index) => [item.name, contents[index]])) };
}

/** The values file of a draft (`*.values.json`), if it has one. */
export function valuesFileOf(resources: Readonly<Record<string, string>>): string | undefined {
  return Object.keys(resources).find((name) => /\.values\.json$/i.test(name));
}

/** „mit 3 Formularen, 2 Entscheidungen und den Werten der Kommune“ — what a draft deploys beside its BPMN. */
export function describeResources(resources: Readonly<Record<string, string>>): string {
  const names = Object.keys(resources);
  const count = (suffix: string, one: string, many: string): string | undefined => {
    const n = names.filter((name) => name.toLowerCase().endsWith(suffix)).length;
    return n === 0 ? undefined : `${n} ${n === 1 ? one : many}`;
  };
  const parts = [count('.form', 'Formular', 'Formularen'), count('.dmn', 'Entscheidung', 'Entscheidungen'), valuesFileOf(resources) ? 'den Werten der Kommune' : undefined].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return 'ohne Formulare und Entscheidungen';
  return `mit ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} und ${parts[parts.length - 1]}`}`;
}

import type { JsonObject } from '@laufweg/bpmn-model';
import type { RouteBundle } from './route-bundle';
import { loadTenantValues } from './tenant-values';

/** One deployment of a route for a tenant, as the DeploymentStore takes it (tenant added by the caller). */
export interface RouteDeployment {
  readonly resourceName: string;
  readonly content: string;
  readonly resources: readonly { readonly name: string; readonly kind: 'form' | 'dmn' | 'values'; readonly resourceId?: string; readonly content: string }[];
}

/** The deployments, and the municipality's values they carry (checked). */
export type RouteDeploymentsResult =
  | { readonly ok: true; readonly deployments: readonly RouteDeployment[]; readonly values: JsonObject }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * What deploying a route for a municipality means, in order: each shared call activity with its
 * forms (without values: the called process sees the caller's `municipality`, so one version
 * serves every route), then the route with its forms, decisions and the municipality's values as
 * the constants `{ municipality }` every instance starts with. Deploying it again changes nothing
 * while the files are unchanged.
 */
export function routeDeployments(bundle: RouteBundle, tenant: string): RouteDeploymentsResult {
  const values = loadTenantValues(bundle, tenant);
  if (!values.ok) return values;
  const forms = (files: RouteBundle['forms']) => files.map((file) => ({ name: file.name, kind: 'form' as const, resourceId: formId(file.content, file.name), content: file.content }));
  const shared = bundle.shared.map((file) => ({ resourceName: file.name, content: file.content, resources: forms(bundle.sharedForms) }));
  const main: RouteDeployment = {
    resourceName: bundle.bpmn.name,
    content: bundle.bpmn.content,
    resources: [
      ...forms(bundle.forms),
      ...bundle.decisions.map((file) => ({ name: file.name, kind: 'dmn' as const, content: file.content })),
      { name: `tenants/${tenant}.values.json`, kind: 'values' as const, content: JSON.stringify({ municipality: values.values }) },
    ],
  };
  return { ok: true, deployments: [...shared, main], values: values.values };
}

function formId(content: string, name: string): string {
  const id = (JSON.parse(content) as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') throw new Error(`${name} has no form id`);
  return id;
}

import type { JsonObject, ModelResult } from '@laufweg/bpmn-model';
import type { DeploymentResourceInput } from './deployment-store';

/** The deployment's `values` resource (at most one, a JSON object), as the constants of its processes. */
export function deploymentConstants(request: { readonly resources?: readonly DeploymentResourceInput[] }): ModelResult<JsonObject | undefined> {
  const values = (request.resources ?? []).filter((resource) => resource.kind === 'values');
  if (values.length === 0) return { ok: true, value: undefined, warnings: [] };
  if (values.length > 1) {
    return { ok: false, problems: [{ severity: 'error', rule: 'deployment-values', message: `A deployment carries at most one values resource; got ${values.map((value) => value.name).join(', ')}.` }] };
  }
  const parsed = parseValues(values[0].content);
  if (parsed === undefined) {
    return { ok: false, problems: [{ severity: 'error', rule: 'deployment-values', message: `The values resource '${values[0].name}' is not a JSON object.` }] };
  }
  return { ok: true, value: parsed, warnings: [] };
}

/** A values resource's content as a JSON object, or undefined when it is not one. */
export function parseValues(content: string): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

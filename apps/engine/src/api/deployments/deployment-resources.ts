import { parseValues, type DeploymentResourceInput } from '@laufweg/persistence';

/** A file of a deployment as it arrived (multipart part or JSON entry). */
export interface IncomingResource {
  readonly name: string;
  readonly content: string;
}

export interface ResourceProblem {
  readonly rule: string;
  readonly field?: string;
  readonly elementId?: string;
  readonly message: string;
}

export interface SortedDeployment {
  readonly bpmn?: IncomingResource;
  readonly resources: readonly DeploymentResourceInput[];
  readonly problems: readonly ResourceProblem[];
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NAME_PATTERN = /^[^\\\u0000-\u001f]{1,200}$/;

/** How a deployment resource is served (GET …/deployments/{deploymentKey}/resources/content). */
export const RESOURCE_MEDIA_TYPES: Readonly<Record<DeploymentResourceInput['kind'], string>> = {
  form: 'application/json',
  dmn: 'application/xml',
  values: 'application/json',
};

/**
 * A usable resource name: 1-200 characters, no control characters or backslashes, and relative
 * folders allowed (`forms/check.form`, `tenants/plauen.values.json`), as a route bundle names
 * its files, so a deployment read back over the API deploys again under the same names. No
 * leading, doubled or trailing `/`, and no `.` or `..` segment.
 */
export function isUsableResourceName(name: string): boolean {
  return NAME_PATTERN.test(name) && name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
const DMN_NAMESPACE = /xmlns(:\w+)?\s*=\s*["']https?:\/\/www\.omg\.org\/spec\/DMN\/\d{8}\/MODEL\/?["']/;

/**
 * Sorts the files of a deployment by extension: exactly one `.bpmn`, any number of `.form`
 * (form-js JSON with an `id`) and `.dmn` (DMN XML) files, and at most one `.values.json` (the
 * municipality's values, checked by the deployment). Checks what the API can check without
 * a DMN engine — names, JSON shape and form ids, DMN namespace and no DOCTYPE — and reports every
 * problem at once.
 */
export function sortDeployment(files: readonly IncomingResource[]): SortedDeployment {
  const problems: ResourceProblem[] = [];
  const bpmn = files.filter((file) => /\.bpmn$/i.test(file.name));
  if (bpmn.length !== 1) problems.push({ rule: 'deployment-bpmn-count', message: `A deployment needs exactly one .bpmn file; it has ${bpmn.length}.` });
  const names = new Set<string>();
  const formIds = new Map<string, string>();
  const resources: DeploymentResourceInput[] = [];
  for (const file of files) {
    if (!isUsableResourceName(file.name)) problems.push({ rule: 'resource-name', field: file.name, message: `'${file.name}' is not a usable file name (1-200 characters; folders separated by '/', no '.' or '..' and no absolute path).` });
    if (names.has(file.name)) problems.push({ rule: 'resource-name-duplicate', field: file.name, message: `'${file.name}' is part of the deployment twice.` });
    names.add(file.name);
    if (/\.bpmn$/i.test(file.name)) continue;
    if (/\.form$/i.test(file.name)) {
      const form = checkForm(file, problems);
      if (form === undefined) continue;
      const earlier = formIds.get(form);
      if (earlier) problems.push({ rule: 'form-id-duplicate', field: file.name, message: `'${file.name}' and '${earlier}' both declare the form id '${form}'.` });
      formIds.set(form, file.name);
      resources.push({ name: file.name, kind: 'form', resourceId: form, content: file.content });
    } else if (/\.dmn$/i.test(file.name)) {
      const id = checkDmn(file, problems);
      if (id !== undefined) resources.push({ name: file.name, kind: 'dmn', ...(id ? { resourceId: id } : {}), content: file.content });
    } else if (/\.values\.json$/i.test(file.name)) {
      if (parseValues(file.content) === undefined) problems.push({ rule: 'values-json', field: file.name, message: `'${file.name}' must be a JSON object: the municipality's values every instance starts with.` });
      else resources.push({ name: file.name, kind: 'values', content: file.content });
    } else {
      problems.push({ rule: 'resource-type', field: file.name, message: `'${file.name}' is neither .bpmn, .form, .dmn nor .values.json.` });
    }
  }
  return { ...(bpmn.length === 1 ? { bpmn: bpmn[0] } : {}), resources, problems };
}

/** The form's id, or undefined (with a problem) when it is no form-js schema. */
function checkForm(file: IncomingResource, problems: ResourceProblem[]): string | undefined {
  let schema: unknown;
  try {
    schema = JSON.parse(file.content);
  } catch {
    problems.push({ rule: 'form-json', field: file.name, message: `'${file.name}' is not JSON.` });
    return undefined;
  }
  if (typeof schema !== 'object' || schema === null || !Array.isArray((schema as { components?: unknown }).components)) {
    problems.push({ rule: 'form-schema', field: file.name, message: `'${file.name}' is no form-js schema: it needs a "components" array.` });
    return undefined;
  }
  const id = (schema as { id?: unknown }).id;
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push({ rule: 'form-id-missing', field: file.name, message: `'${file.name}' has no "id"; user tasks name their form by it (zeebe:formDefinition formId).` });
    return undefined;
  }
  return id;
}

/** The DMN definitions' id ('' when it has none), or undefined (with a problem) when it is refused. */
function checkDmn(file: IncomingResource, problems: ResourceProblem[]): string | undefined {
  if (/<!(DOCTYPE|ENTITY)/i.test(file.content)) {
    problems.push({ rule: 'xml-doctype-forbidden', field: file.name, message: `'${file.name}' contains a DOCTYPE or ENTITY declaration, which is refused for security (XXE); remove it.` });
    return undefined;
  }
  const root = /<(\w+:)?definitions\b[^>]*>/.exec(file.content);
  if (!root || !DMN_NAMESPACE.test(root[0])) {
    problems.push({ rule: 'dmn-definitions', field: file.name, message: `'${file.name}' is no DMN document: its root must be a DMN definitions element.` });
    return undefined;
  }
  return /\sid\s*=\s*["']([^"']+)["']/.exec(root[0])?.[1] ?? '';
}

import type { JsonObject } from '@laufweg/bpmn-model';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RouteBundle } from './route-bundle';
import { errorMessage } from './route-manifest';

export type TenantValuesResult = { readonly ok: true; readonly values: JsonObject } | { readonly ok: false; readonly problems: readonly string[] };

/** The schema every municipality's values meet, beside the route folders. */
export const MUNICIPALITY_SCHEMA_FILE = 'municipality.schema.json';

/**
 * A municipality's own values for a route (`tenants/<tenant>.yaml`), checked against the common
 * municipality schema and the route's values schema; the services it offers must be services of
 * the route. Every problem names the file and the JSON path.
 */
export function loadTenantValues(bundle: RouteBundle, tenant: string): TenantValuesResult {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(tenant)) return { ok: false, problems: [`'${tenant}' is no tenant name (lower case letters, digits, hyphens)`] };
  const file = join(bundle.dir, 'tenants', `${tenant}.yaml`);
  let values: unknown;
  try {
    values = parseYaml(readFileSync(file, 'utf8'));
  } catch (error: unknown) {
    const known = bundle.tenants.length > 0 ? bundle.tenants.join(', ') : 'none';
    return { ok: false, problems: [`${file}: ${error instanceof Error ? error.message : String(error)} (municipalities of route '${bundle.id}': ${known})`] };
  }
  const problems = checkTenantValues(bundle, values).map((problem) => `${file}: ${problem}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: values as JsonObject };
}

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction[]>();

/** The municipality schema's and the route's values schema's validators, compiled once per schema text. */
function validatorsFor(municipalitySchema: string, valuesSchema: JsonObject | undefined): ValidateFunction[] {
  const key = `${municipalitySchema}\u0000${JSON.stringify(valuesSchema ?? null)}`;
  let validators = compiled.get(key);
  if (!validators) {
    if (compiled.size > 50) compiled.clear();
    const schemas = [JSON.parse(municipalitySchema) as JsonObject, ...(valuesSchema ? [valuesSchema] : [])];
    // Without their $id: a changed schema under the same $id compiles anew.
    validators = schemas.map(({ $id: _id, ...schema }) => ajv.compile(schema));
    compiled.set(key, validators);
  }
  return validators;
}

/** One violation of a municipality's values: where (a JSON pointer into the values, '' for the whole) and what is wrong. */
export interface ValuesViolation {
  readonly path: string;
  readonly message: string;
}

/** Problems of values against the municipality schema, the route's values schema and its services. */
export function checkTenantValues(bundle: RouteBundle, values: unknown): string[] {
  return tenantValuesViolations(bundle, values).map(({ path, message }) => `${path || '/'} ${message}`);
}

/**
 * The violations of values against the municipality schema (`municipality.schema.json` beside the
 * route folders), the route's values schema and its services, each with its JSON pointer — for
 * callers that show the place apart from the message (the deployments API).
 */
export function tenantValuesViolations(bundle: RouteBundle, values: unknown): ValuesViolation[] {
  const municipality = readFileSync(join(dirname(bundle.dir), MUNICIPALITY_SCHEMA_FILE), 'utf8');
  const violations: ValuesViolation[] = [];
  for (const validate of validatorsFor(municipality, bundle.valuesSchema)) {
    if (!validate(values)) violations.push(...(validate.errors ?? []).map((error) => ({ path: error.instancePath, message: errorMessage(error) })));
  }
  if (violations.length > 0) return violations;
  const offered = (values as { services: string[] }).services;
  offered.forEach((service, index) => {
    if (!bundle.services.some((candidate) => candidate.id === service)) violations.push({ path: `/services/${index}`, message: `'${service}' is no service of route '${bundle.id}' (${bundle.services.map((s) => s.id).join(', ')})` });
  });
  return violations;
}

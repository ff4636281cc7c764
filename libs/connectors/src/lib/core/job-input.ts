import type { JsonObject } from '@laufweg/bpmn-model';
import Ajv, { type ErrorObject, type JSONSchemaType } from 'ajv';
import { ConnectorInputError } from './connector';

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateFormats: false });

/**
 * A checker for a connector's input variables (its JSON schema). Missing or mistyped inputs are
 * a modelling error in the route: a technical failure naming every problem, so the incident says
 * which input mapping to fix. A `null` counts as not given: an input mapping of a variable or
 * field the case does not have (`=application.registerNumber`) yields null in FEEL.
 */
export function inputReader<T>(jobType: string, schema: JSONSchemaType<T> | object): (variables: JsonObject) => T {
  const validate = ajv.compile<T>(schema);
  return (given) => {
    const variables = withoutNulls(given);
    if (validate(variables)) return variables;
    throw new ConnectorInputError(`Die Eingaben für ${jobType} sind ungültig: ${describeErrors(validate.errors ?? [])}.`);
  };
}

/** The object without its null-valued properties, at every depth of nested objects (arrays keep their items). */
export function withoutNulls(value: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) continue;
    result[key] = typeof entry === 'object' && !Array.isArray(entry) ? withoutNulls(entry) : entry;
  }
  return result;
}

/** `person.givenName: must be string; amount: is required` */
export function describeErrors(errors: readonly ErrorObject[]): string {
  return errors
    .map((error) => {
      const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
      const path = [error.instancePath.slice(1).replace(/\//g, '.'), missing].filter(Boolean).join('.');
      return missing ? `${path} fehlt` : `${path || '(Eingaben)'} ${error.message ?? 'ist ungültig'}`;
    })
    .join('; ');
}

/** Schema snippets shared by the connectors. */
export const nonEmptyString = { type: 'string', minLength: 1 } as const;
export const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;
export const euroAmount = { type: 'number', minimum: 0 } as const;

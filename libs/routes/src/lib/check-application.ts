import type { JsonObject } from '@laufweg/bpmn-model';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface ApplicationProblem {
  /** JSON pointer into the application data. */
  readonly pointer: string;
  readonly message: string;
}

export type ApplicationCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly ApplicationProblem[] };

const compiled = new WeakMap<object, ValidateFunction>();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** Application data against its service's JSON Schema (draft 2020-12); each problem with its JSON pointer. */
export function checkApplication(schema: JsonObject, data: unknown): ApplicationCheck {
  let validate = compiled.get(schema);
  if (!validate) {
    const id = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
    validate = (id ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(data)) return { ok: true };
  return {
    ok: false,
    problems: (validate.errors ?? []).map((error) => ({
      pointer: error.keyword === 'required' ? `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}` : error.instancePath || '/',
      message: error.message ?? 'is invalid',
    })),
  };
}

import type { JsonObject } from '@laufweg/bpmn-model';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface ApplicationProblem {
  /** JSON pointer into the application data. */
  readonly pointer: string;
  readonly message: string;
}

export type ApplicationCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly ApplicationProblem[] };

const compiled = new Map<string, ValidateFunction>();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/**
 * The compiled validator of a service's JSON Schema (draft 2020-12, formats checked), kept per
 * schema text; the intake and the scenarios validate applications with the same one.
 */
export function applicationValidator(schema: JsonObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size > 200) compiled.clear();
    // Without its $id: the same $id with other content (a changed schema) compiles anew.
    const { $id: _id, ...anonymous } = schema;
    validate = ajv.compile(anonymous);
    compiled.set(key, validate);
  }
  return validate;
}

/** Application data against its service's JSON Schema; each problem with its JSON pointer. */
export function checkApplication(schema: JsonObject, data: unknown): ApplicationCheck {
  const validate = applicationValidator(schema);
  if (validate(data)) return { ok: true };
  return {
    ok: false,
    problems: (validate.errors ?? []).map((error) => ({
      pointer: error.keyword === 'required' ? `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}` : error.instancePath || '/',
      message: error.message ?? 'is invalid',
    })),
  };
}

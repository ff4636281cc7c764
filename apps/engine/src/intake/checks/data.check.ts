import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { intakeProblemType, type ReceiptProblem } from '../receipt';
import type { CheckInput, IntakeCheck } from './intake-check';
import { parseJson } from './parse-json';
import { schemaProblems } from './schema-problems';

/**
 * The application data is JSON and valid against the JSON Schema (draft 2020-12) of the service
 * the tenant offers. Without an offered service there is no schema: the service check rejects.
 * Compiled validators are kept per schema text (routes are redeployed rarely). Formats (`date`,
 * `email`, ...) are checked, as the portal's own form checks them.
 */
export class DataCheck implements IntakeCheck {
  readonly name = 'data';
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  private readonly validators = new Map<string, ValidateFunction>();

  check({ submission, service }: CheckInput): readonly ReceiptProblem[] {
    const data = parseJson(submission.dataBytes);
    if (data === undefined) {
      return [{ type: intakeProblemType('data-invalid'), title: 'Fachdaten ungültig', detail: 'Die Fachdaten sind kein JSON (UTF-8).', instance: 'data', pointer: '' }];
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return [{ type: intakeProblemType('data-invalid'), title: 'Fachdaten ungültig', detail: 'Die Fachdaten müssen ein JSON-Objekt sein.', instance: 'data', pointer: '' }];
    }
    if (!service) return [];
    const validate = this.validatorFor(service.schema);
    if (validate(data)) return [];
    return schemaProblems(validate.errors, 'data-invalid', 'data', 'Fachdaten ungültig');
  }

  private validatorFor(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      if (this.validators.size > 200) this.validators.clear();
      // Without its $id: a redeployed schema with the same $id and other content compiles anew.
      const { $id: _id, ...anonymous } = schema as { $id?: unknown };
      validate = this.ajv.compile(anonymous);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

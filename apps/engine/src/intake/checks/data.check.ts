import type { JsonObject } from '@laufweg/bpmn-model';
import { applicationValidator } from '@laufweg/routes';
import { intakeProblemType, type ReceiptProblem } from '../receipt';
import type { CheckInput, IntakeCheck } from './intake-check';
import { parseJson } from './parse-json';
import { schemaProblems } from './schema-problems';

/**
 * The application data is JSON and valid against the JSON Schema (draft 2020-12) of the service
 * the tenant offers. Without an offered service there is no schema: the service check rejects.
 * The validator is the routes library's (formats checked, compiled once per schema text), the same
 * the scenarios use.
 */
export class DataCheck implements IntakeCheck {
  readonly name = 'data';

  check({ submission, service }: CheckInput): readonly ReceiptProblem[] {
    const data = parseJson(submission.dataBytes);
    if (data === undefined) {
      return [{ type: intakeProblemType('data-invalid'), title: 'Fachdaten ungültig', detail: 'Die Fachdaten sind kein JSON (UTF-8).', instance: 'data', pointer: '' }];
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return [{ type: intakeProblemType('data-invalid'), title: 'Fachdaten ungültig', detail: 'Die Fachdaten müssen ein JSON-Objekt sein.', instance: 'data', pointer: '' }];
    }
    if (!service) return [];
    const validate = applicationValidator(service.schema as JsonObject);
    if (validate(data)) return [];
    return schemaProblems(validate.errors, 'data-invalid', 'data', 'Fachdaten ungültig');
  }
}

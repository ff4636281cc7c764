import Ajv2020 from 'ajv/dist/2020';
import { intakeProblemType, type ReceiptProblem } from '../receipt';
import type { CheckInput, IntakeCheck } from './intake-check';
import { schemaProblems } from './schema-problems';
import { SUBMISSION_METADATA_SCHEMA } from './submission-metadata.schema';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(SUBMISSION_METADATA_SCHEMA);

/** The metadata is JSON and meets the subset of FIT-Connect's metadata schema Laufweg accepts. */
export class MetadataCheck implements IntakeCheck {
  readonly name = 'metadata';

  check({ metadata }: CheckInput): readonly ReceiptProblem[] {
    if (metadata === undefined) {
      return [{ type: intakeProblemType('metadata-invalid'), title: 'Metadaten ungültig', detail: 'Die Metadaten sind kein JSON.', instance: 'metadata', pointer: '' }];
    }
    if (validate(metadata)) return [];
    return schemaProblems(validate.errors, 'metadata-invalid', 'metadata', 'Metadaten ungültig');
  }
}

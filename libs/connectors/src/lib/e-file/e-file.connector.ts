import { type Connector, originOf } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { EFile, FilingInput } from './e-file';

const readInput = inputReader<FilingInput>('e-file.store', {
  type: 'object',
  required: ['documents', 'subject', 'retentionYears', 'reference'],
  properties: {
    documents: { type: 'array', items: { anyOf: [nonEmptyString, { type: 'object', required: ['id'], properties: { id: nonEmptyString } }] } },
    subject: nonEmptyString,
    retentionYears: { type: 'integer', minimum: 0, maximum: 200 },
    reference: nonEmptyString,
  },
});

/** `e-file.store` → `{ filing }`. */
export function eFileConnector(eFile: EFile): Connector {
  return async (job) => resultVariable('filing', await eFile.store(readInput(job.variables), originOf(job)));
}

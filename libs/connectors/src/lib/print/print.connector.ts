import { type Connector, originOf } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { PrintOrder, PrintService } from './print';

const readInput = inputReader<PrintOrder>('print.mail', {
  type: 'object',
  required: ['document', 'recipient'],
  properties: {
    document: { type: 'object', required: ['id'], properties: { id: nonEmptyString } },
    recipient: {
      type: 'object',
      required: ['name', 'address'],
      properties: {
        name: nonEmptyString,
        address: { anyOf: [nonEmptyString, { type: 'object', required: ['street', 'postalCode', 'city'], properties: { street: nonEmptyString, postalCode: nonEmptyString, city: nonEmptyString } }] },
      },
    },
  },
});

/** `print.mail` → `{ dispatch }`; BPMN error ADDRESS_UNDELIVERABLE. */
export function printConnector(print: PrintService): Connector {
  return async (job) => resultVariable('dispatch', await print.mail(readInput(job.variables), originOf(job)));
}

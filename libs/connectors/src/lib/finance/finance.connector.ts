import { type Connector, originOf } from '../core/connector';
import { inputReader, isoDate, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { FinanceSystem, ReceivableInput } from './finance';

const readInput = inputReader<ReceivableInput>('finance.receivable', {
  type: 'object',
  required: ['kind', 'amount', 'debtor'],
  properties: {
    kind: { enum: ['fee', 'dog-tax', 'parking-fee', 'business-fee'] },
    amount: { type: 'number' },
    debtor: { type: 'object', required: ['name', 'address'], properties: { name: nonEmptyString } },
    sepaMandate: { type: 'object', required: ['iban', 'accountHolder'], properties: { iban: nonEmptyString, accountHolder: nonEmptyString } },
    taxCase: { type: 'object', required: ['dogName', 'dangerous', 'from'], properties: { dogName: nonEmptyString, dangerous: { type: 'boolean' }, from: isoDate } },
  },
});

/** `finance.receivable` → `{ receivable }`; BPMN error RECEIVABLE_REFUSED. */
export function financeConnector(finance: FinanceSystem): Connector {
  return async (job) =>
    resultVariable('receivable', await finance.createReceivable(readInput(job.variables), originOf(job)));
}

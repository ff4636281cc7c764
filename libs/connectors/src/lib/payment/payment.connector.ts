import { type Connector, originOf } from '../core/connector';
import { euroAmount, inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { PaymentRequestInput, PaymentService } from './payment';

const readRequest = inputReader<PaymentRequestInput>('payment.request', {
  type: 'object',
  required: ['amount', 'purpose', 'reference', 'items'],
  properties: {
    amount: { type: 'number' },
    purpose: nonEmptyString,
    reference: nonEmptyString,
    items: { type: 'array', maxItems: 99, items: { type: 'object', required: ['description', 'amount'], properties: { description: nonEmptyString, amount: euroAmount } } },
  },
});

const readStatus = inputReader<{ requestId: string }>('payment.status', { type: 'object', required: ['requestId'], properties: { requestId: nonEmptyString } });

/** `payment.request` → `{ payment }`; BPMN error PAYMENT_REFUSED. */
export function paymentRequestConnector(service: PaymentService): Connector {
  return async (job) =>
    resultVariable('payment', await service.request(readRequest(job.variables), originOf(job)));
}

/** `payment.status` → `{ paymentStatus }`. */
export function paymentStatusConnector(service: PaymentService): Connector {
  return async (job) => resultVariable('paymentStatus', await service.status(job.tenantId, readStatus(job.variables).requestId));
}

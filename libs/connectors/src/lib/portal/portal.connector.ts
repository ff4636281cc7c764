import { type Connector, originOf } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { Portal, StatusNotification } from './portal';

const readInput = inputReader<StatusNotification>('portal.notify', {
  type: 'object',
  required: ['submissionId', 'caseId', 'status'],
  properties: {
    submissionId: nonEmptyString,
    caseId: nonEmptyString,
    status: { enum: ['received', 'in-processing', 'needs-input', 'completed', 'rejected'] },
    message: { type: 'string' },
    documentIds: { type: 'array', items: nonEmptyString },
  },
});

/** `portal.notify` → `{ notification }`. */
export function portalConnector(portal: Portal): Connector {
  return async (job) => resultVariable('notification', await portal.notify(readInput(job.variables), originOf(job)));
}

import { type Connector, originOf } from '../core/connector';
import { inputReader } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { Chambers, ForwardingInput } from './chambers';

const readInput = inputReader<ForwardingInput>('chambers.notify', {
  type: 'object',
  required: ['recipients', 'business'],
  properties: { recipients: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z]{2,10}$' } }, business: { type: 'object' } },
});

/** `chambers.notify` → `{ forwarding }`. */
export function chambersConnector(chambers: Chambers): Connector {
  return async (job) => resultVariable('forwarding', await chambers.forward(readInput(job.variables), originOf(job)));
}

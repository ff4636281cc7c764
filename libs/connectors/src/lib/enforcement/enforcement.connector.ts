import { type Connector, originOf } from '../core/connector';
import { inputReader, isoDate, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { EnforcementUpdate, ParkingEnforcement } from './enforcement';

const readInput = inputReader<EnforcementUpdate>('enforcement.update', {
  type: 'object',
  required: ['action', 'permit'],
  properties: {
    action: { enum: ['add', 'remove'] },
    permit: {
      type: 'object',
      required: ['number', 'zone', 'licensePlates', 'validFrom', 'validTo'],
      properties: { number: nonEmptyString, zone: nonEmptyString, licensePlates: { type: 'array', minItems: 1, items: nonEmptyString }, validFrom: isoDate, validTo: isoDate },
    },
  },
});

/** `enforcement.update` → `{ enforcementEntry }`: adds a permit to (or removes it from) the zone's enforcement list. */
export function enforcementConnector(enforcement: ParkingEnforcement): Connector {
  return async (job) => resultVariable('enforcementEntry', await enforcement.update(readInput(job.variables), originOf(job)));
}

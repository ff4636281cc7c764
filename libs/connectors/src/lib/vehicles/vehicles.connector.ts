import type { Connector } from '../core/connector';
import { inputReader, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { VehicleQuery, VehicleRegister } from './vehicles';

const readInput = inputReader<VehicleQuery>('vehicles.lookup', {
  type: 'object',
  required: ['licensePlate', 'holder'],
  properties: {
    licensePlate: nonEmptyString,
    holder: { type: 'object', required: ['givenName', 'familyName'], properties: { givenName: nonEmptyString, familyName: nonEmptyString } },
  },
});

/** `vehicles.lookup` → `{ vehicle }`; BPMN error VEHICLE_NOT_FOUND. */
export function vehiclesConnector(register: VehicleRegister): Connector {
  return async (job) => resultVariable('vehicle', await register.lookup(readInput(job.variables)));
}

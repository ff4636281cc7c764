import type { Connector } from '../core/connector';
import { inputReader, isoDate, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { ResidentQuery, ResidentsRegister } from './residents';

export const addressSchema = {
  type: 'object',
  required: ['street', 'postalCode', 'city'],
  properties: { street: nonEmptyString, postalCode: { type: 'string', pattern: '^\\d{5}$' }, city: nonEmptyString },
} as const;

const readInput = inputReader<ResidentQuery>('residents.lookup', {
  type: 'object',
  required: ['person'],
  properties: {
    person: { type: 'object', required: ['givenName', 'familyName', 'birthDate'], properties: { givenName: nonEmptyString, familyName: nonEmptyString, birthDate: isoDate } },
    address: addressSchema,
  },
});

/** `residents.lookup` → `{ residence }`; BPMN error RESIDENT_NOT_FOUND. */
export function residentsConnector(register: ResidentsRegister): Connector {
  return async (job) => resultVariable('residence', await register.lookup(readInput(job.variables)));
}

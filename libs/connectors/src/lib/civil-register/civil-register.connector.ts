import type { Connector } from '../core/connector';
import { inputReader, isoDate, nonEmptyString } from '../core/job-input';
import { resultVariable } from '../core/json-result';
import type { CivilRegister, FindEntryInput } from './civil-register';

const readInput = inputReader<FindEntryInput>('civil-register.find-entry', {
  type: 'object',
  required: ['registerType', 'person'],
  properties: {
    registerType: { enum: ['birth', 'marriage', 'death'] },
    person: { type: 'object', required: ['givenName', 'familyName'], properties: { givenName: nonEmptyString, familyName: nonEmptyString, birthDate: isoDate } },
    eventDate: isoDate,
    registerNumber: nonEmptyString,
  },
});

/** `civil-register.find-entry` → `{ registerEntry }`; BPMN error REGISTER_ENTRY_NOT_FOUND. */
export function civilRegisterConnector(register: CivilRegister): Connector {
  return async (job) => resultVariable('registerEntry', await register.findEntry(readInput(job.variables)));
}

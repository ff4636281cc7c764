import { ConnectorInputError } from './connector';
import { inputReader, nonEmptyString } from './job-input';

describe('reading a connector job input', () => {
  const read = inputReader<{ person: { familyName: string; birthDate?: string }; registerNumber?: string }>('civil-register.find-entry', {
    type: 'object',
    required: ['person'],
    properties: { person: { type: 'object', required: ['familyName'], properties: { familyName: nonEmptyString, birthDate: { type: 'string' } } }, registerNumber: { type: 'string' } },
  });

  // Regression: urkunden maps `=application.registerNumber`, null when the applicant gave none,
  // and the connector refused the job ("registerNumber must be string") until its retries ran out.
  it('treats null as not given, also inside objects', () => {
    expect(read({ person: { familyName: 'Mustermann', birthDate: null }, registerNumber: null })).toEqual({ person: { familyName: 'Mustermann' } });
  });

  it('still refuses a missing required input, naming it', () => {
    expect(() => read({ person: { familyName: null } })).toThrow(ConnectorInputError);
    expect(() => read({ person: { familyName: null } })).toThrow('person.familyName fehlt');
  });
});

import type { JsonObject } from '@laufweg/bpmn-model';
import { ConnectorBusinessError, ConnectorInputError } from '../core/connector';
import { connectorTestKit } from '../../testing/connector-test-kit';

describe('civil-register.find-entry', () => {
  it('finds the birth entry of a known person, names compared without regard to case', async () => {
    const { run } = connectorTestKit();
    const result = await run('civil-register.find-entry', { registerType: 'birth', person: { givenName: 'ERIKA', familyName: 'mustermann', birthDate: '1990-04-01' } });
    expect(result).toEqual({
      registerEntry: expect.objectContaining({ registerNumber: 'G 1234/1990', registerType: 'birth', eventPlace: 'Leipzig', eventDate: '1990-04-01', blockingNote: false }),
    });
    expect((result.registerEntry as { persons: unknown[] }).persons).toContainEqual({ givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', role: 'child' });
  });

  it('finds a marriage by either spouse and reports a blocking note', async () => {
    const { run } = connectorTestKit();
    await expect(run('civil-register.find-entry', { registerType: 'marriage', person: { givenName: 'Jürgen', familyName: 'Größmann' } })).resolves.toEqual({
      registerEntry: expect.objectContaining({ registerNumber: 'E 321/2015' }),
    });
    await expect(run('civil-register.find-entry', { registerType: 'birth', person: { givenName: 'Jörg', familyName: 'Schäfer' } })).resolves.toEqual({
      registerEntry: expect.objectContaining({ blockingNote: true, blockingReason: expect.stringContaining('§ 64 PStG') }),
    });
  });

  it('refuses an unknown person, a wrong birth date and a wrong register type with REGISTER_ENTRY_NOT_FOUND', async () => {
    const { run } = connectorTestKit();
    const queries: JsonObject[] = [
      { registerType: 'birth', person: { givenName: 'Otto', familyName: 'Normalverbraucher' } },
      { registerType: 'birth', person: { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1991-04-01' } },
      { registerType: 'death', person: { givenName: 'Erika', familyName: 'Mustermann' } },
    ];
    for (const variables of queries) {
      const error = await run('civil-register.find-entry', variables).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectorBusinessError);
      expect(error).toMatchObject({ code: 'REGISTER_ENTRY_NOT_FOUND' });
    }
  });

  it('knows the entries the tenant configures instead of the defaults', async () => {
    const { run } = connectorTestKit({
      tenants: {
        '14713000': {
          civilRegister: {
            entries: [{ registerNumber: 'G 1/2020', registerType: 'birth', office: 'Standesamt Borna', eventDate: '2020-01-01', eventPlace: 'Borna', persons: [{ givenName: 'Lea', familyName: 'Neu', role: 'child' }], blockingNote: false }],
          },
        },
      },
    });
    await expect(run('civil-register.find-entry', { registerType: 'birth', person: { givenName: 'Lea', familyName: 'Neu' } })).resolves.toEqual({ registerEntry: expect.objectContaining({ office: 'Standesamt Borna' }) });
    await expect(run('civil-register.find-entry', { registerType: 'birth', person: { givenName: 'Erika', familyName: 'Mustermann' } })).rejects.toMatchObject({ code: 'REGISTER_ENTRY_NOT_FOUND' });
    await expect(run('civil-register.find-entry', { registerType: 'birth', person: { givenName: 'Erika', familyName: 'Mustermann' } }, { tenantId: '14511000' })).resolves.toBeDefined();
  });

  it('fails technically (an incident after the retries) when the input mappings are missing, naming them', async () => {
    const { run } = connectorTestKit();
    const error = await run('civil-register.find-entry', { registerType: 'adoption', person: { givenName: 'Erika' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorInputError);
    expect((error as Error).message).toContain('person.familyName fehlt');
    expect((error as Error).message).toContain('registerType');
  });
});

import { connectorTestKit } from '../../testing/connector-test-kit';

describe('residents.lookup', () => {
  const erika = { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01' };

  it('answers the registered main residence with its parking zone', async () => {
    const { run } = connectorTestKit();
    await expect(run('residents.lookup', { person: erika })).resolves.toEqual({
      residence: { registered: true, mainResidence: true, address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' }, registeredSince: '2016-03-01', parkingZone: 'S3' },
    });
  });

  it('answers registered: false for another address and for a person who moved away; a secondary residence is no main residence', async () => {
    const { run } = connectorTestKit();
    const elsewhere = await run('residents.lookup', { person: erika, address: { street: 'Markt 1', postalCode: '04109', city: 'Leipzig' } });
    expect(elsewhere).toEqual({ residence: expect.objectContaining({ registered: false }) });
    const sameWritingOtherwise = await run('residents.lookup', { person: erika, address: { street: 'Karl-Liebknecht-Str. 12', postalCode: '04107', city: 'Leipzig' } });
    expect(sameWritingOtherwise).toEqual({ residence: expect.objectContaining({ registered: true }) });
    await expect(run('residents.lookup', { person: { givenName: 'Frieda', familyName: 'Weiß', birthDate: '1955-08-08' } })).resolves.toEqual({ residence: expect.objectContaining({ registered: false }) });
    await expect(run('residents.lookup', { person: { givenName: 'Ümit', familyName: 'Yılmaz', birthDate: '1979-05-23' } })).resolves.toEqual({ residence: expect.objectContaining({ registered: true, mainResidence: false }) });
  });

  it('refuses an unknown person with RESIDENT_NOT_FOUND', async () => {
    const { run } = connectorTestKit();
    await expect(run('residents.lookup', { person: { ...erika, birthDate: '1990-04-02' } })).rejects.toMatchObject({ code: 'RESIDENT_NOT_FOUND', message: expect.stringContaining('Erika Mustermann') });
  });
});

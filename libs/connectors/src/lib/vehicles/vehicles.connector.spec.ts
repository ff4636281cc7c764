import { connectorTestKit } from '../../testing/connector-test-kit';

describe('vehicles.lookup', () => {
  it('finds a vehicle by its plate written any way and says whether the holder matches', async () => {
    const { run } = connectorTestKit();
    await expect(run('vehicles.lookup', { licensePlate: 'l-em1990', holder: { givenName: 'Erika', familyName: 'Mustermann' } })).resolves.toEqual({
      vehicle: { licensePlate: 'L-EM 1990', holderMatches: true, holder: { givenName: 'Erika', familyName: 'Mustermann' }, vehicleClass: 'M1', maxWeightKg: 1450 },
    });
    await expect(run('vehicles.lookup', { licensePlate: 'L-JG 88', holder: { givenName: 'Erika', familyName: 'Mustermann' } })).resolves.toEqual({ vehicle: expect.objectContaining({ holderMatches: false }) });
  });

  it('refuses an unknown plate with VEHICLE_NOT_FOUND', async () => {
    const { run } = connectorTestKit();
    await expect(run('vehicles.lookup', { licensePlate: 'B-XY 1', holder: { givenName: 'Erika', familyName: 'Mustermann' } })).rejects.toMatchObject({ code: 'VEHICLE_NOT_FOUND' });
  });
});

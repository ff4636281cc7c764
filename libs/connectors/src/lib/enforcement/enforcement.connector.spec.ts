import { ConnectorInputError, ConnectorUnavailableError } from '../core/connector';
import { connectorTestKit } from '../../testing/connector-test-kit';

const permit = { number: 'BPA-VG-2026-0042', zone: 'P1', licensePlates: ['PL-EM 123'], validFrom: '2026-03-02', validTo: '2027-03-01' };

describe('enforcement.update', () => {
  it('adds a permit to the zone list and removes the same entry later, recording both', async () => {
    const kit = connectorTestKit();
    const added = (await kit.run('enforcement.update', { action: 'add', permit })) as { enforcementEntry: { listId: string; entryId: string; action: string; updatedAt: string } };
    expect(added.enforcementEntry).toEqual({ listId: 'KL-P1', entryId: expect.stringMatching(/^KE-[0-9A-F]{12}$/), action: 'add', updatedAt: expect.any(String) });
    const removed = (await kit.run('enforcement.update', { action: 'remove', permit })) as typeof added;
    expect(removed.enforcementEntry).toMatchObject({ entryId: added.enforcementEntry.entryId, action: 'remove' });
    expect(kit.recorder.records.map((record) => record.payload)).toEqual([
      expect.objectContaining({ system: 'enforcement', action: 'add', permitNumber: 'BPA-VG-2026-0042', licensePlates: ['PL-EM 123'] }),
      expect.objectContaining({ system: 'enforcement', action: 'remove' }),
    ]);
  });

  it('refuses an unknown action or a permit without plates', async () => {
    const kit = connectorTestKit();
    await expect(kit.run('enforcement.update', { action: 'extend', permit })).rejects.toThrow(ConnectorInputError);
    await expect(kit.run('enforcement.update', { action: 'add', permit: { ...permit, licensePlates: [] } })).rejects.toThrow(/licensePlates/);
  });

  it('fails technically during a configured outage', async () => {
    const kit = connectorTestKit({ defaults: { systems: { enforcement: { outages: [{ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', reason: 'Wartung' }] } } } });
    await expect(kit.run('enforcement.update', { action: 'add', permit })).rejects.toThrow(ConnectorUnavailableError);
  });
});

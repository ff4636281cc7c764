import { ConnectorUnavailableError, JOB_TYPES } from './core/connector';
import { ConnectorsConfigError, validateConnectorsConfig } from './settings/connector-settings.schema';
import { connectorTestKit } from '../testing/connector-test-kit';

describe('createSimulatedConnectors', () => {
  it('has a connector for every job type of docs/connectors.md', () => {
    expect([...connectorTestKit().connectors.keys()].sort()).toEqual([...JOB_TYPES].sort());
  });

  it('applies one tenant’s outage window to that tenant’s system only', async () => {
    const kit = connectorTestKit({ tenants: { '14713000': { systems: { residents: { outages: [{ from: '2026-11-28T08:00:00Z', to: '2026-11-28T10:00:00Z', reason: 'Wartung' }] } } } } });
    const person = { person: { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01' } };
    await expect(kit.run('residents.lookup', person)).rejects.toBeInstanceOf(ConnectorUnavailableError);
    await expect(kit.run('vehicles.lookup', { licensePlate: 'L-EM 1990', holder: { givenName: 'Erika', familyName: 'Mustermann' } })).resolves.toBeDefined();
    await expect(kit.run('residents.lookup', person, { tenantId: '14511000' })).resolves.toBeDefined();
    kit.clock.advance(2 * 3_600_000);
    await expect(kit.run('residents.lookup', person)).resolves.toBeDefined();
  });

  it('waits the configured latency per system', async () => {
    const kit = connectorTestKit({ defaults: { latencyMs: { min: 5, max: 5 }, systems: { vehicles: { latencyMs: { min: 900, max: 1000 } } } } });
    await kit.run('residents.lookup', { person: { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01' } });
    await kit.run('vehicles.lookup', { licensePlate: 'L-EM 1990', holder: { givenName: 'Erika', familyName: 'Mustermann' } });
    expect(kit.sleep.waits[0]).toBe(5);
    expect(kit.sleep.waits[1]).toBeGreaterThanOrEqual(900);
    expect(kit.sleep.waits[1]).toBeLessThanOrEqual(1000);
  });
});

describe('validateConnectorsConfig', () => {
  it('accepts the documented shape', () => {
    const config = { defaults: { failureRate: 0.1, latencyMs: { min: 10, max: 20 } }, tenants: { '14713000': { seed: 4, outages: [{ from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z' }], payment: { maxAmount: 300 } } } };
    expect(validateConnectorsConfig(config)).toBe(config);
  });

  it('names every problem: unknown keys, a rate above 1, min above max, an empty outage', () => {
    const error = (() => {
      try {
        validateConnectorsConfig({ defaults: { failureRate: 2, latncy: 1 } });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConnectorsConfigError);
    expect((error as ConnectorsConfigError).problems.join('\n')).toMatch(/failureRate/);
    expect((error as ConnectorsConfigError).problems.join('\n')).toMatch(/additional properties/);
    expect(() => validateConnectorsConfig({ tenants: { a: { latencyMs: { min: 9, max: 1 }, outages: [{ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }] } } })).toThrow(/min 9 is greater than max 1.*no time span/);
  });
});

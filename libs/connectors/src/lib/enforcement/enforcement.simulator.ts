import type { JobOrigin } from '../core/connector';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableHex } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { EnforcementEntry, EnforcementUpdate, ParkingEnforcement } from './enforcement';

/**
 * The enforcement list: one list per zone, one entry per permit (its id is stable, so adding and
 * later removing a permit name the same entry); every update is recorded (kind `notification`,
 * payload.system `enforcement`).
 */
export class EnforcementSimulator implements ParkingEnforcement {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  update(input: EnforcementUpdate, origin: JobOrigin): Promise<EnforcementEntry> {
    return this.system.call(async () => {
      const { permit, action } = input;
      const entry: EnforcementEntry = {
        listId: `KL-${permit.zone.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`,
        entryId: `KE-${stableHex([origin.tenantId, permit.zone, permit.number], 12).toUpperCase()}`,
        action,
        updatedAt: new Date(this.clock.now()).toISOString(),
      };
      await this.recorder.record({
        ...origin,
        kind: 'enforcement',
        reference: entry.entryId,
        payload: { system: 'enforcement', action, listId: entry.listId, permitNumber: permit.number, zone: permit.zone, licensePlates: [...permit.licensePlates], validFrom: permit.validFrom, validTo: permit.validTo, updatedAt: entry.updatedAt },
      });
      return entry;
    });
  }
}

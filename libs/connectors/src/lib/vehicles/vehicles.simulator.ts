import { namesMatch } from '../simulation/name-match';
import type { SimulatedSystem } from '../simulation/simulated-system';
import { normalizePlate, type Vehicle, VehicleNotFoundError, type VehicleQuery, type VehicleRecord, type VehicleRegister } from './vehicles';

/** The vehicle register with configured vehicles; plates compare without blanks and dashes. */
export class VehiclesSimulator implements VehicleRegister {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly vehicles: readonly VehicleRecord[],
  ) {}

  lookup(query: VehicleQuery): Promise<Vehicle> {
    return this.system.call(() => {
      const record = this.vehicles.find((candidate) => normalizePlate(candidate.licensePlate) === normalizePlate(query.licensePlate));
      if (!record) throw new VehicleNotFoundError(query);
      return { ...record, holderMatches: namesMatch(record.holder, query.holder) };
    });
  }
}

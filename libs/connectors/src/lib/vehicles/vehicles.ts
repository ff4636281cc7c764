import { ConnectorBusinessError } from '../core/connector';

export interface VehicleQuery {
  readonly licensePlate: string;
  readonly holder: { readonly givenName: string; readonly familyName: string };
}

export interface VehicleHolder {
  readonly givenName: string;
  readonly familyName: string;
}

/** What the vehicle register answers (Fahrzeugregister via the KBA / local registration office). */
export interface Vehicle {
  readonly licensePlate: string;
  /** Whether the holder asked about is the registered holder. */
  readonly holderMatches: boolean;
  readonly holder: VehicleHolder;
  /** EU vehicle class: `M1` (car), `N1` (van), `L3e` (motorcycle), ... */
  readonly vehicleClass: string;
  readonly maxWeightKg: number;
}

/** A vehicle the simulated register knows (settings `vehicles.vehicles`). */
export interface VehicleRecord {
  readonly licensePlate: string;
  readonly holder: VehicleHolder;
  readonly vehicleClass: string;
  readonly maxWeightKg: number;
}

export interface VehicleRegister {
  /** The vehicle with that plate; throws VehicleNotFoundError when none is registered. */
  lookup(query: VehicleQuery): Promise<Vehicle>;
}

export class VehicleNotFoundError extends ConnectorBusinessError {
  constructor(query: VehicleQuery) {
    super('VEHICLE_NOT_FOUND', `Für das Kennzeichen ${query.licensePlate} ist kein Fahrzeug zugelassen.`);
  }
}

/** `L-AB 123`, `l ab123` and `L-AB-123` name the same plate. */
export function normalizePlate(plate: string): string {
  return plate.toLocaleUpperCase('de-DE').replace(/[\s-]+/g, '');
}

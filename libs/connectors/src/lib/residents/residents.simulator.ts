import { namesMatch } from '../simulation/name-match';
import type { SimulatedSystem } from '../simulation/simulated-system';
import { type Residence, type ResidentQuery, type ResidentRecord, ResidentNotFoundError, type ResidentsRegister } from './residents';

/**
 * The residents register with configured persons. A given address that differs from the
 * registered one answers `registered: false` (the applicant does not live there); a person who
 * moved out answers `registered: false` with the last address.
 */
export class ResidentsSimulator implements ResidentsRegister {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly residents: readonly ResidentRecord[],
  ) {}

  lookup(query: ResidentQuery): Promise<Residence> {
    return this.system.call(() => {
      const matches = this.residents.filter((candidate) => namesMatch(candidate, query.person) && candidate.birthDate === query.person.birthDate);
      // A person registered at several addresses (several tenants' seed data): the record at the given address first.
      const record = matches.find((candidate) => query.address && sameAddress(query.address, candidate.address)) ?? matches[0];
      if (!record) throw new ResidentNotFoundError(query);
      const atGivenAddress = !query.address || sameAddress(query.address, record.address);
      return {
        registered: !record.movedOut && atGivenAddress,
        mainResidence: record.mainResidence,
        address: record.address,
        registeredSince: record.registeredSince,
        ...(record.parkingZone ? { parkingZone: record.parkingZone } : {}),
      };
    });
  }
}

function sameAddress(a: ResidentRecord['address'], b: ResidentRecord['address']): boolean {
  const key = (address: ResidentRecord['address']): string => `${address.street}|${address.postalCode}`.toLocaleLowerCase('de-DE').replace(/str\.|straße/g, 'strasse').replace(/\s+/g, '');
  return key(a) === key(b);
}

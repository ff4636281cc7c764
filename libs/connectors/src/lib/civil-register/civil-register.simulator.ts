import type { SimulatedSystem } from '../simulation/simulated-system';
import { namesMatch } from '../simulation/name-match';
import { type CivilRegister, type FindEntryInput, type RegisterEntry, RegisterEntryNotFoundError } from './civil-register';

/** The civil-status register with a configured set of entries (settings `civilRegister.entries`). */
export class CivilRegisterSimulator implements CivilRegister {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly entries: readonly RegisterEntry[],
  ) {}

  findEntry(input: FindEntryInput): Promise<RegisterEntry> {
    return this.system.call(() => {
      const entry = this.entries.find(
        (candidate) =>
          candidate.registerType === input.registerType &&
          (input.registerNumber === undefined || candidate.registerNumber === input.registerNumber) &&
          (input.eventDate === undefined || candidate.eventDate === input.eventDate) &&
          candidate.persons.some((person) => namesMatch(person, input.person) && (!input.person.birthDate || !person.birthDate || person.birthDate === input.person.birthDate)),
      );
      if (!entry) throw new RegisterEntryNotFoundError(input);
      return entry;
    });
  }
}

import { ConnectorBusinessError } from '../core/connector';

export type RegisterType = 'birth' | 'marriage' | 'death';

export interface PersonQuery {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate?: string;
}

export interface FindEntryInput {
  readonly registerType: RegisterType;
  readonly person: PersonQuery;
  readonly eventDate?: string;
  readonly registerNumber?: string;
}

export interface RegisterPerson {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate?: string;
  /** `child`, `mother`, `father`, `spouse`, `deceased`, ... */
  readonly role: string;
}

/** An entry of the civil-status register (Personenstandsregister, §§ 3, 21, 15, 31 PStG). */
export interface RegisterEntry {
  readonly registerNumber: string;
  readonly registerType: RegisterType;
  readonly office: string;
  readonly eventDate: string;
  readonly eventPlace: string;
  readonly persons: readonly RegisterPerson[];
  /** A blocking note (Sperrvermerk, § 64 PStG): the route must not issue a certificate without review. */
  readonly blockingNote: boolean;
  readonly blockingReason?: string;
}

/** The civil-status register (e.g. AutiSta); the simulator stands in for it. */
export interface CivilRegister {
  /** The entry of that type naming the person; throws RegisterEntryNotFoundError when there is none. */
  findEntry(input: FindEntryInput): Promise<RegisterEntry>;
}

export class RegisterEntryNotFoundError extends ConnectorBusinessError {
  constructor(input: FindEntryInput) {
    super('REGISTER_ENTRY_NOT_FOUND', `Im Personenstandsregister ist kein ${REGISTER_NAMES[input.registerType]} für ${input.person.givenName} ${input.person.familyName} verzeichnet.`);
  }
}

export const REGISTER_NAMES: Readonly<Record<RegisterType, string>> = {
  birth: 'Geburtseintrag',
  marriage: 'Eheeintrag',
  death: 'Sterbeeintrag',
};

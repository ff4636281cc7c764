import { ConnectorBusinessError } from '../core/connector';

export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
}

export interface ResidentQuery {
  readonly person: { readonly givenName: string; readonly familyName: string; readonly birthDate: string };
  readonly address?: PostalAddress;
}

/** What the residents register (Melderegister) answers about a person. */
export interface Residence {
  readonly registered: boolean;
  readonly mainResidence: boolean;
  readonly address: PostalAddress;
  readonly registeredSince: string;
  /** The resident-parking zone of the address, where the municipality has one. */
  readonly parkingZone?: string;
}

/** A person the simulated register knows (settings `residents.residents`). */
export interface ResidentRecord {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly address: PostalAddress;
  readonly mainResidence: boolean;
  readonly registeredSince: string;
  readonly parkingZone?: string;
  /** Moved away: the register still knows the person, no longer registered here. */
  readonly movedOut?: boolean;
}

/** The residents register (Einwohnermeldewesen, e.g. VOIS|MESO, OK.EWO). */
export interface ResidentsRegister {
  /** The residence of the person; throws ResidentNotFoundError when the register knows no such person. */
  lookup(query: ResidentQuery): Promise<Residence>;
}

export class ResidentNotFoundError extends ConnectorBusinessError {
  constructor(query: ResidentQuery) {
    super('RESIDENT_NOT_FOUND', `Im Melderegister ist keine Person ${query.person.givenName} ${query.person.familyName}, geboren am ${query.person.birthDate}, verzeichnet.`);
  }
}

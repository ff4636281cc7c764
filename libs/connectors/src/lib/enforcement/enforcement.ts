import type { JobOrigin } from '../core/connector';

export type EnforcementAction = 'add' | 'remove';

/** A resident parking permit as the enforcement list needs it. */
export interface EnforcementPermit {
  readonly number: string;
  readonly zone: string;
  readonly licensePlates: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
}

export interface EnforcementUpdate {
  readonly action: EnforcementAction;
  readonly permit: EnforcementPermit;
}

/** The entry the enforcement system answers with. */
export interface EnforcementEntry {
  /** The zone's list (Kontrollliste) the permit was added to or removed from. */
  readonly listId: string;
  readonly entryId: string;
  readonly action: EnforcementAction;
  readonly updatedAt: string;
}

/**
 * The parking enforcement system (Kontrollliste of the Politessen / handheld devices): which
 * plates may park in which resident zone until when.
 */
export interface ParkingEnforcement {
  update(input: EnforcementUpdate, origin: JobOrigin): Promise<EnforcementEntry>;
}

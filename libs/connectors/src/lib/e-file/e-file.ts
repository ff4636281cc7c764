import type { JobOrigin } from '../core/connector';

export interface FilingInput {
  /** Document refs: `{ id }` objects as document.render answers them, or plain ids. */
  readonly documents: readonly ({ readonly id: string } | string)[];
  readonly subject: string;
  readonly retentionYears: number;
  /** The case id. */
  readonly reference: string;
}

export interface Filing {
  /** Aktenzeichen in the e-file. */
  readonly fileNumber: string;
  readonly documentIds: readonly string[];
  readonly storedAt: string;
}

/** The e-file (E-Akte, e.g. enaio, VIS-Suite, d.velop). */
export interface EFile {
  store(input: FilingInput, origin: JobOrigin): Promise<Filing>;
}

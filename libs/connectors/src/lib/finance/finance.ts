import { ConnectorBusinessError, type JobOrigin } from '../core/connector';

export type ReceivableKind = 'fee' | 'dog-tax' | 'parking-fee' | 'business-fee';

export interface ReceivableInput {
  readonly kind: ReceivableKind;
  readonly amount: number;
  readonly debtor: { readonly name: string; readonly address: unknown };
  readonly sepaMandate?: { readonly iban: string; readonly accountHolder: string };
  readonly taxCase?: { readonly dogName: string; readonly dangerous: boolean; readonly from: string };
}

/** The receivable (Sollstellung) the finance software created. */
export interface Receivable {
  /** Kassenzeichen: the citizen quotes it when paying. */
  readonly cashReference: string;
  /** Dog tax only: the tax case (Steuerfall). */
  readonly taxCaseNumber?: string;
  /** Dog tax only: the number on the dog tag (Hundemarke). */
  readonly dogTagNumber?: string;
  readonly dueDate: string;
}

export type ReceivableCaller = JobOrigin;

/** The municipal finance software (HKR: e.g. H&H proDoppik, SAP, OK.FIS). */
export interface FinanceSystem {
  /** Creates a receivable; throws ReceivableRefusedError when the finance software refuses it. */
  createReceivable(input: ReceivableInput, caller: ReceivableCaller): Promise<Receivable>;
}

export class ReceivableRefusedError extends ConnectorBusinessError {
  constructor(reason: string) {
    super('RECEIVABLE_REFUSED', `Die Finanzsoftware hat die Sollstellung abgelehnt: ${reason}`);
  }
}

import { nonEmptyString } from '../core/job-input';

/** The tenant values a document's letterhead, bank details and signature come from (processes/…/tenants/<municipality>.yaml). */
export interface Municipality {
  readonly name: string;
  readonly office: {
    readonly name: string;
    readonly street: string;
    readonly postalCode: string;
    readonly city: string;
    readonly phone?: string;
    readonly email?: string;
  };
  readonly bank?: { readonly accountHolder: string; readonly iban: string; readonly bic: string; readonly bankName: string };
  readonly signatories: readonly Signatory[];
  readonly letterhead?: { readonly lines: readonly string[] };
}

export interface Signatory {
  readonly name: string;
  readonly role: string;
}

export const signatorySchema = { type: 'object', required: ['name', 'role'], properties: { name: nonEmptyString, role: nonEmptyString } } as const;

export const municipalitySchema = {
  type: 'object',
  required: ['name', 'office', 'signatories'],
  properties: {
    name: nonEmptyString,
    office: {
      type: 'object',
      required: ['name', 'street', 'postalCode', 'city'],
      properties: { name: nonEmptyString, street: nonEmptyString, postalCode: nonEmptyString, city: nonEmptyString, phone: { type: 'string' }, email: { type: 'string' } },
    },
    bank: {
      type: 'object',
      required: ['accountHolder', 'iban', 'bic', 'bankName'],
      properties: { accountHolder: nonEmptyString, iban: nonEmptyString, bic: nonEmptyString, bankName: nonEmptyString },
    },
    signatories: { type: 'array', minItems: 1, items: signatorySchema },
    letterhead: { type: 'object', required: ['lines'], properties: { lines: { type: 'array', items: { type: 'string' } } } },
  },
} as const;

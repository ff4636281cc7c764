import { isoDate, nonEmptyString } from '../core/job-input';
import { addressLinesOf } from './german-format';
import type { Municipality, Signatory } from './municipality';
import type { PdfLetter } from './pdf-letter';

export const TEMPLATE_NAMES = ['certificate', 'fee-notice', 'dog-tax-notice', 'parking-permit', 'business-receipt', 'request-letter'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * One kind of document: the JSON schema of its `data`, checks the schema cannot express, its
 * title and file name, and how it is laid out on a PdfLetter. One file per template.
 */
export interface DocumentTemplate<T> {
  readonly name: TemplateName;
  readonly schema: object;
  /** Problems beyond the schema (a total that does not add up, bank details missing, ...). */
  check?(data: T, municipality: Municipality): string[];
  title(data: T): string;
  render(letter: PdfLetter, data: T, municipality: Municipality): void;
}

/** A recipient as templates take it: a name and a structured or free-text address. */
export interface Recipient {
  readonly name: string;
  readonly address: { readonly street: string; readonly postalCode: string; readonly city: string } | string;
}

export const recipientSchema = {
  type: 'object',
  required: ['name', 'address'],
  properties: {
    name: nonEmptyString,
    address: { anyOf: [nonEmptyString, { type: 'object', required: ['street', 'postalCode', 'city'], properties: { street: nonEmptyString, postalCode: nonEmptyString, city: nonEmptyString } }] },
  },
} as const;

export const itemsSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', required: ['description', 'amount'], properties: { description: nonEmptyString, amount: { type: 'number' } } },
} as const;

export { isoDate, nonEmptyString };

export function recipientBlock(recipient: Recipient): { name: string; lines: string[] } {
  return { name: recipient.name, lines: addressLinesOf(recipient.address) };
}

/** Who signs: the data's `signatory`, else the municipality's first. */
export function signatoryOf(data: { signatory?: Signatory }, municipality: Municipality): Signatory {
  return data.signatory ?? municipality.signatories[0];
}

/** The legal-remedy notice (Rechtsbehelfsbelehrung) of a notice by the municipality. */
export function legalRemedyNotice(municipality: Municipality): string {
  const { name, office } = municipality;
  return (
    `Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, ` +
    `in elektronischer Form nach § 3a Abs. 2 VwVfG oder zur Niederschrift bei der ${name}, ${office.name}, ${office.street}, ${office.postalCode} ${office.city}, einzulegen. ` +
    `Widerspruch und Anfechtungsklage gegen die Anforderung öffentlicher Abgaben und Kosten haben keine aufschiebende Wirkung (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO).`
  );
}

import { isoDate, nonEmptyString } from '../core/job-input';
import { addressLinesOf } from './german-format';
import type { Municipality, Signatory } from './municipality';
import type { PdfLetter } from './pdf-letter';

export const TEMPLATE_NAMES = ['certificate', 'fee-notice', 'dog-tax-notice', 'parking-permit', 'business-receipt', 'request-letter', 'rejection-notice'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * One kind of document: the JSON schema of its `data`, checks the schema cannot express, its
 * title and file name, and how it is laid out on a PdfLetter. One file per template.
 */
export interface DocumentTemplate<T> {
  readonly name: TemplateName;
  readonly schema: object;
  /**
   * Maps the shapes the routes send onto the template's own fields (`caseId` → `reference`, the
   * applicant → `recipient`, ...) before the schema checks them. Fills only what is missing.
   */
  normalize?(data: JsonRecord, municipality: unknown): JsonRecord;
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

/**
 * The legal-remedy notice (Rechtsbehelfsbelehrung) of a notice by the municipality; with `fees`
 * (default) the note that an objection does not suspend a demand for fees or taxes.
 */
export function legalRemedyNotice(municipality: Municipality, options: { fees?: boolean } = {}): string {
  const { name, office } = municipality;
  return (
    `Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, ` +
    `in elektronischer Form nach § 3a Abs. 2 VwVfG oder zur Niederschrift bei der ${name}, ${office.name}, ${office.street}, ${office.postalCode} ${office.city}, einzulegen.` +
    (options.fees === false ? '' : ` Widerspruch und Anfechtungsklage gegen die Anforderung öffentlicher Abgaben und Kosten haben keine aufschiebende Wirkung (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO).`)
  );
}

/** Template data as the route sends it, before normalize. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{givenName, familyName}` (or `{name}`) → `Erika Mustermann`. */
export function fullNameOf(person: unknown): string | undefined {
  if (!isRecord(person)) return undefined;
  if (typeof person['name'] === 'string') return person['name'];
  const parts = [person['givenName'], person['familyName']].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** A person of the application (applicant, keeper, ...) as a recipient: its name and its address, else `address`. */
export function personRecipient(person: unknown, address?: unknown): Recipient | undefined {
  const name = fullNameOf(person);
  const own = isRecord(person) ? person['address'] : undefined;
  const where = own ?? address;
  return name && where !== undefined ? ({ name, address: where } as Recipient) : undefined;
}

/** Fills `defaults` into `data` where data has no value (undefined) yet; `undefined` defaults are left out. */
export function fill(data: JsonRecord, defaults: JsonRecord): JsonRecord {
  const filled: JsonRecord = { ...data };
  for (const [key, value] of Object.entries(defaults)) if (filled[key] === undefined && value !== undefined) filled[key] = value;
  return filled;
}

/** The `caseId` the routes send as the reference (Aktenzeichen). */
export function referenceOf(data: JsonRecord): unknown {
  return data['reference'] ?? data['caseId'];
}

/** A postal address as one line: `Demogasse 7, 08523 Plauen`. */
export function addressText(address: Recipient['address']): string {
  return addressLinesOf(address).join(', ');
}

export const addressSchema = { anyOf: [nonEmptyString, { type: 'object', required: ['street', 'postalCode', 'city'], properties: { street: nonEmptyString, postalCode: nonEmptyString, city: nonEmptyString } }] } as const;

import { addressSchema, addressText, type DocumentTemplate, fill, fullNameOf, isRecord, isoDate, nonEmptyString, personRecipient, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
import { formatEuro } from '../german-format';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface BusinessReceiptData {
  readonly recipient: Recipient;
  readonly reference: string;
  readonly business: { readonly name: string; readonly activity: string; readonly address?: Recipient['address']; readonly startDate: string };
  /** Codes the registration was (or will be) forwarded to (IHK, HWK, FA, ...). */
  readonly recipients?: readonly string[];
  /** The persons who notified (gewerbeanzeige: application.persons). */
  readonly persons?: readonly { readonly givenName?: string; readonly familyName?: string; readonly name?: string }[];
  /** Permits the activity needs (business-permit-requirements): the receipt is not one of them. */
  readonly permitRequirements?: readonly { readonly permit: string; readonly legalBasis?: string; readonly authority?: string }[];
  /** The registration fee in euros. */
  readonly fee?: number;
  readonly receivedAt?: string;
  readonly signatory?: Signatory;
}

const BODIES: Readonly<Record<string, string>> = {
  IHK: 'Industrie- und Handelskammer',
  HWK: 'Handwerkskammer',
  FA: 'Finanzamt',
  GAA: 'Gewerbeaufsichtsamt',
  BA: 'Bundesagentur für Arbeit',
  REG: 'Registergericht',
  STLA: 'Statistisches Landesamt',
  BG: 'Berufsgenossenschaft',
};

/** Empfangsbestätigung über eine Gewerbeanzeige (§ 15 Abs. 1 GewO) with the bodies it was forwarded to. */
export const businessReceiptTemplate: DocumentTemplate<BusinessReceiptData> = {
  name: 'business-receipt',
  /** gewerbeanzeige sends `caseId`, `business` (address structured), `persons` (the first is the recipient), `permitRequirements`, `fee`. */
  normalize: (data) =>
    fill(data, {
      reference: referenceOf(data),
      recipient: Array.isArray(data['persons']) ? personRecipient(data['persons'][0]) : undefined,
      recipients: isRecord(data['forwarding']) ? data['forwarding']['recipients'] : undefined,
    }),
  schema: {
    type: 'object',
    required: ['recipient', 'reference', 'business'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      business: { type: 'object', required: ['name', 'activity', 'startDate'], properties: { name: nonEmptyString, activity: nonEmptyString, address: addressSchema, startDate: isoDate } },
      recipients: { type: 'array', items: nonEmptyString },
      persons: { type: 'array', items: { type: 'object' } },
      permitRequirements: { type: 'array', items: { type: 'object', required: ['permit'], properties: { permit: nonEmptyString, legalBasis: { type: 'string' }, authority: { type: 'string' } } } },
      fee: { type: 'number', minimum: 0 },
      receivedAt: isoDate,
      signatory: signatorySchema,
    },
  },
  title: (data) => `Empfangsbestätigung Gewerbeanzeige ${data.reference}`,
  render(letter, data, municipality) {
    letter.letterhead().addressBlock(recipientBlock(data.recipient), data.reference);
    letter.heading('Empfangsbestätigung');
    letter.paragraph('über die Anzeige eines Gewerbes nach § 14 GewO (§ 15 Abs. 1 Gewerbeordnung)', { bold: true });
    letter.paragraph(`Die Gewerbeanzeige${data.receivedAt ? ` vom ${formatDate(data.receivedAt)}` : ''} ist bei der ${municipality.name} eingegangen. Ihr Empfang wird hiermit bestätigt:`);
    letter.fields([
      ['Betrieb', data.business.name],
      ['Angezeigte Tätigkeit', data.business.activity],
      ...(data.business.address ? ([['Betriebsstätte', addressText(data.business.address)]] as [string, string][]) : []),
      ['Beginn der Tätigkeit', formatDate(data.business.startDate)],
      ...(data.persons && data.persons.length > 0 ? ([['Anzeigende', data.persons.map(fullNameOf).filter(Boolean).join(', ')]] as [string, string][]) : []),
      ...(data.fee !== undefined ? ([['Gebühr', formatEuro(data.fee)]] as [string, string][]) : []),
    ]);
    if (data.recipients && data.recipients.length > 0) {
      letter.paragraph('Die Anzeige wurde gemäß § 14 Abs. 8 GewO an folgende Stellen weitergeleitet:');
      letter.bullets(data.recipients.map((code) => (BODIES[code] ? `${BODIES[code]} (${code})` : code)));
    }
    if (data.permitRequirements && data.permitRequirements.length > 0) {
      letter.paragraph('Die angezeigte Tätigkeit ist erlaubnispflichtig. Sie dürfen sie erst aufnehmen, wenn folgende Erlaubnis erteilt ist:', { bold: true });
      letter.bullets(data.permitRequirements.map((requirement) => [requirement.permit, requirement.legalBasis, requirement.authority ? `zuständig: ${requirement.authority}` : undefined].filter(Boolean).join(', ')));
    }
    letter.paragraph('Diese Bescheinigung berechtigt nicht zur Ausübung einer erlaubnispflichtigen Tätigkeit, solange die erforderliche Erlaubnis nicht erteilt ist.', { size: 9.5 });
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

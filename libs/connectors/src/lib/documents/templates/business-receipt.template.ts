import { type DocumentTemplate, isoDate, nonEmptyString, type Recipient, recipientBlock, recipientSchema, signatoryOf } from '../document-template';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface BusinessReceiptData {
  readonly recipient: Recipient;
  readonly reference: string;
  readonly business: { readonly name: string; readonly activity: string; readonly address?: string; readonly startDate: string };
  /** Codes the registration was forwarded to (IHK, HWK, FA, ...). */
  readonly recipients: readonly string[];
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
  schema: {
    type: 'object',
    required: ['recipient', 'reference', 'business', 'recipients'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      business: { type: 'object', required: ['name', 'activity', 'startDate'], properties: { name: nonEmptyString, activity: nonEmptyString, address: { type: 'string' }, startDate: isoDate } },
      recipients: { type: 'array', items: nonEmptyString },
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
      ...(data.business.address ? ([['Betriebsstätte', data.business.address]] as [string, string][]) : []),
      ['Beginn der Tätigkeit', formatDate(data.business.startDate)],
    ]);
    if (data.recipients.length > 0) {
      letter.paragraph('Die Anzeige wurde gemäß § 14 Abs. 8 GewO an folgende Stellen weitergeleitet:');
      letter.bullets(data.recipients.map((code) => (BODIES[code] ? `${BODIES[code]} (${code})` : code)));
    }
    letter.paragraph('Diese Bescheinigung berechtigt nicht zur Ausübung einer erlaubnispflichtigen Tätigkeit, solange die erforderliche Erlaubnis nicht erteilt ist.', { size: 9.5 });
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

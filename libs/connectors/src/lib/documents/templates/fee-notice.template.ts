import { roundToCents } from '../../core/amounts';
import { type DocumentTemplate, fill, isRecord, isoDate, itemsSchema, legalRemedyNotice, nonEmptyString, personRecipient, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
import { formatDate, formatEuro } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface FeeNoticeData {
  readonly recipient: Recipient;
  /** Aktenzeichen / case id. */
  readonly reference: string;
  /** What the fee is for, e.g. "Ausstellung einer Geburtsurkunde". */
  readonly subject: string;
  readonly items: readonly { readonly description: string; readonly amount: number }[];
  /** Optional; when given it must equal the sum of the items. */
  readonly total?: number;
  /** Kassenzeichen: the citizen quotes it when paying. */
  readonly cashReference: string;
  readonly dueDate: string;
  /** e.g. "§ 1 Verwaltungskostensatzung i. V. m. Nr. 3.1 des Kostenverzeichnisses". */
  readonly legalBasis?: string;
  /** The payment service's pay page (XBezahldienste): the notice offers paying online there. */
  readonly payPageUrl?: string;
  readonly signatory?: Signatory;
}

/** Gebührenbescheid: items, total, due date, bank details with Kassenzeichen, Rechtsbehelfsbelehrung. */
export const feeNoticeTemplate: DocumentTemplate<FeeNoticeData> = {
  name: 'fee-notice',
  /** Route shapes: `caseId`, the applicant as recipient, a `fee` {amount, purpose, items} as urkunden builds it, a `receivable` {cashReference, dueDate}. */
  normalize(data) {
    const fee = isRecord(data['fee']) ? data['fee'] : {};
    const receivable = isRecord(data['receivable']) ? data['receivable'] : {};
    return fill(data, {
      reference: referenceOf(data),
      recipient: personRecipient(data['applicant']),
      subject: data['purpose'] ?? fee['purpose'],
      items: fee['items'],
      total: fee['amount'],
      cashReference: receivable['cashReference'],
      dueDate: receivable['dueDate'],
    });
  },
  schema: {
    type: 'object',
    required: ['recipient', 'reference', 'subject', 'items', 'cashReference', 'dueDate'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      subject: nonEmptyString,
      items: itemsSchema,
      total: { type: 'number' },
      cashReference: nonEmptyString,
      dueDate: isoDate,
      legalBasis: { type: 'string' },
      payPageUrl: { type: 'string', pattern: '^https?://' },
      signatory: signatorySchema,
    },
  },
  check(data, municipality) {
    const problems: string[] = [];
    const sum = totalOf(data);
    if (data.total !== undefined && roundToCents(data.total) !== sum) problems.push(`total ${data.total} ist nicht die Summe der Positionen (${sum})`);
    if (!municipality.bank) problems.push('municipality.bank fehlt (Bankverbindung für die Zahlung)');
    return problems;
  },
  title: (data) => `Gebührenbescheid ${data.reference}`,
  render(letter, data, municipality) {
    const bank = municipality.bank;
    const total = totalOf(data);
    letter.letterhead().addressBlock(recipientBlock(data.recipient), data.reference);
    letter.heading('Gebührenbescheid');
    letter.paragraph(data.subject, { bold: true });
    letter.paragraph(`Sehr geehrte Damen und Herren,\nfür die genannte Amtshandlung setzen wir folgende Gebühren fest${data.legalBasis ? ` (${data.legalBasis})` : ''}:`);
    letter.amounts(
      data.items.map((item) => [item.description, formatEuro(item.amount)] as const),
      ['Gesamtbetrag', formatEuro(total)],
    );
    letter.paragraph(`Bitte überweisen Sie den Gesamtbetrag von ${formatEuro(total)} bis zum ${formatDate(data.dueDate)} unter Angabe des Kassenzeichens auf folgendes Konto:`);
    if (bank) {
      letter.fields([
        ['Kassenzeichen', data.cashReference],
        ['Empfänger', bank.accountHolder],
        ['IBAN', bank.iban],
        ['BIC', bank.bic],
        ['Kreditinstitut', bank.bankName],
      ]);
    }
    if (data.payPageUrl) letter.paragraph(`Sie können auch online bezahlen: ${data.payPageUrl}`);
    letter.heading('Rechtsbehelfsbelehrung', 11);
    letter.paragraph(legalRemedyNotice(municipality), { size: 9.5 });
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

function totalOf(data: FeeNoticeData): number {
  return roundToCents(data.items.reduce((sum, item) => sum + roundToCents(item.amount), 0));
}

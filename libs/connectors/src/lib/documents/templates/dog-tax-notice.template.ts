import { type DocumentTemplate, isoDate, legalRemedyNotice, nonEmptyString, type Recipient, recipientBlock, recipientSchema, signatoryOf } from '../document-template';
import { formatDate, formatEuro } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface DogTaxNoticeData {
  readonly recipient: Recipient;
  readonly reference: string;
  readonly dog: { readonly name: string; readonly breed?: string; readonly dangerous: boolean };
  /** Tax liability from (Beginn der Steuerpflicht). */
  readonly from: string;
  /** Yearly tax in euros. */
  readonly annualTax: number;
  readonly taxCaseNumber: string;
  /** The number on the dog tag (Hundemarke). */
  readonly dogTagNumber: string;
  readonly cashReference: string;
  readonly dueDate: string;
  /** Collected by SEPA direct debit instead of a transfer. */
  readonly sepaMandate?: { readonly iban: string; readonly accountHolder: string };
  readonly signatory?: Signatory;
}

/** Hundesteuerbescheid with the yearly tax, the dog tag (Hundemarke) and the payment. */
export const dogTaxNoticeTemplate: DocumentTemplate<DogTaxNoticeData> = {
  name: 'dog-tax-notice',
  schema: {
    type: 'object',
    required: ['recipient', 'reference', 'dog', 'from', 'annualTax', 'taxCaseNumber', 'dogTagNumber', 'cashReference', 'dueDate'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      dog: { type: 'object', required: ['name', 'dangerous'], properties: { name: nonEmptyString, breed: { type: 'string' }, dangerous: { type: 'boolean' } } },
      from: isoDate,
      annualTax: { type: 'number', minimum: 0 },
      taxCaseNumber: nonEmptyString,
      dogTagNumber: nonEmptyString,
      cashReference: nonEmptyString,
      dueDate: isoDate,
      sepaMandate: { type: 'object', required: ['iban', 'accountHolder'], properties: { iban: nonEmptyString, accountHolder: nonEmptyString } },
      signatory: signatorySchema,
    },
  },
  check: (data, municipality) => (data.sepaMandate || municipality.bank ? [] : ['municipality.bank fehlt (Bankverbindung für die Zahlung)']),
  title: (data) => `Hundesteuerbescheid ${data.taxCaseNumber}`,
  render(letter, data, municipality) {
    letter.letterhead().addressBlock(recipientBlock(data.recipient), data.reference);
    letter.heading('Hundesteuerbescheid');
    letter.paragraph(`Festsetzung der Hundesteuer für den Hund „${data.dog.name}“${data.dog.breed ? ` (${data.dog.breed})` : ''}`, { bold: true });
    letter.paragraph(`Aufgrund der Hundesteuersatzung der ${municipality.name} wird für Ihren Hund ab dem ${formatDate(data.from)} folgende Hundesteuer festgesetzt:`);
    letter.fields([
      ['Steuerfall', data.taxCaseNumber],
      ['Hund', data.dog.name],
      ['Einstufung', data.dog.dangerous ? 'gefährlicher Hund (erhöhter Steuersatz)' : 'Hund (allgemeiner Steuersatz)'],
      ['Jahressteuer', formatEuro(data.annualTax)],
      ['Beginn der Steuerpflicht', formatDate(data.from)],
      ['Hundemarke Nr.', data.dogTagNumber],
    ]);
    letter.paragraph(`Die Hundemarke Nr. ${data.dogTagNumber} liegt diesem Bescheid bei. Der Hund muss sie außerhalb Ihrer Wohnung oder Ihres umfriedeten Grundstücks sichtbar tragen.`);
    if (data.sepaMandate) {
      letter.paragraph(`Der Betrag wird zum ${formatDate(data.dueDate)} aufgrund des SEPA-Lastschriftmandats von dem Konto ${data.sepaMandate.iban} (${data.sepaMandate.accountHolder}) eingezogen. Kassenzeichen: ${data.cashReference}.`);
    } else if (municipality.bank) {
      letter.paragraph(`Bitte zahlen Sie bis zum ${formatDate(data.dueDate)} unter Angabe des Kassenzeichens ${data.cashReference} auf das Konto ${municipality.bank.accountHolder}, IBAN ${municipality.bank.iban}, BIC ${municipality.bank.bic} (${municipality.bank.bankName}).`);
    }
    letter.heading('Rechtsbehelfsbelehrung', 11);
    letter.paragraph(legalRemedyNotice(municipality), { size: 9.5 });
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

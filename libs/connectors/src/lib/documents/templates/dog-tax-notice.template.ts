import { type DocumentTemplate, fill, isRecord, isoDate, legalRemedyNotice, nonEmptyString, personRecipient, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
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
  /** Collected by SEPA direct debit instead of a transfer: the account, or `true` when the route only knows a mandate exists. */
  readonly sepaMandate?: { readonly iban: string; readonly accountHolder: string } | true;
  /** The rate's wording in the notice (the rate table's `label`, e.g. "Ersthund"). */
  readonly rateLabel?: string;
  readonly exemptionRequested?: boolean;
  readonly exemptionGranted?: boolean;
  readonly signatory?: Signatory;
}

/** Hundesteuerbescheid with the yearly tax, the dog tag (Hundemarke) and the payment. */
export const dogTaxNoticeTemplate: DocumentTemplate<DogTaxNoticeData> = {
  name: 'dog-tax-notice',
  /**
   * hundesteuer sends `caseId`, `keeper` (the recipient), `dog` without `dangerous`, the rate
   * decision `rate` {annualAmount, rateKind, label}, `taxFrom` and `sepa` (a mandate exists).
   */
  normalize(data) {
    const rate = isRecord(data['rate']) ? data['rate'] : {};
    const dog = isRecord(data['dog']) ? data['dog'] : undefined;
    const dangerous = data['dangerous'] ?? (typeof rate['rateKind'] === 'string' ? rate['rateKind'] === 'dangerous' : undefined);
    return fill(
      { ...data, ...(dog && dog['dangerous'] === undefined && dangerous !== undefined ? { dog: { ...dog, dangerous } } : {}) },
      {
        reference: referenceOf(data),
        recipient: personRecipient(data['keeper']),
        from: data['taxFrom'],
        annualTax: rate['annualAmount'],
        rateLabel: rate['label'],
        sepaMandate: data['sepa'] === true ? true : undefined,
      },
    );
  },
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
      sepaMandate: { anyOf: [{ const: true }, { type: 'object', required: ['iban', 'accountHolder'], properties: { iban: nonEmptyString, accountHolder: nonEmptyString } }] },
      rateLabel: { type: 'string' },
      exemptionRequested: { type: 'boolean' },
      exemptionGranted: { type: 'boolean' },
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
      ['Einstufung', data.rateLabel ? data.rateLabel : data.dog.dangerous ? 'gefährlicher Hund (erhöhter Steuersatz)' : 'Hund (allgemeiner Steuersatz)'],
      ['Jahressteuer', formatEuro(data.annualTax)],
      ['Beginn der Steuerpflicht', formatDate(data.from)],
      ['Hundemarke Nr.', data.dogTagNumber],
    ]);
    letter.paragraph(`Die Hundemarke Nr. ${data.dogTagNumber} liegt diesem Bescheid bei. Der Hund muss sie außerhalb Ihrer Wohnung oder Ihres umfriedeten Grundstücks sichtbar tragen.`);
    if (data.exemptionGranted) letter.paragraph('Die beantragte Steuerbefreiung wird gewährt.');
    else if (data.exemptionRequested) letter.paragraph('Die beantragte Steuerbefreiung wird nicht gewährt, weil ihre Voraussetzungen nicht nachgewiesen sind.');
    if (data.annualTax === 0) {
      letter.paragraph(`Es ist keine Hundesteuer zu zahlen. Kassenzeichen: ${data.cashReference}.`);
    } else if (data.sepaMandate === true) {
      letter.paragraph(`Der Betrag wird zum ${formatDate(data.dueDate)} aufgrund des erteilten SEPA-Lastschriftmandats von Ihrem Konto eingezogen. Kassenzeichen: ${data.cashReference}.`);
    } else if (data.sepaMandate) {
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

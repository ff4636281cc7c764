import { type DocumentTemplate, fill, isoDate, nonEmptyString, personRecipient, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface RequestLetterData {
  /** Optional: shared-request-documents sends the letter to the portal postbox, where no address is needed. */
  readonly recipient?: Recipient;
  readonly reference: string;
  /** What the application is about, e.g. "Ihr Antrag auf einen Bewohnerparkausweis". */
  readonly subject: string;
  /** What is missing: documents or answers. */
  readonly items: readonly string[];
  readonly deadline: string;
  readonly reason?: string;
  readonly signatory?: Signatory;
}

/** Nachforderung: the missing documents and the deadline, and what happens without them. */
export const requestLetterTemplate: DocumentTemplate<RequestLetterData> = {
  name: 'request-letter',
  /** shared-request-documents: `caseId`, `serviceName`, `items` (one text, one item a line), `reason`, `answerBy`. */
  normalize: (data) =>
    fill(typeof data['items'] === 'string' ? { ...data, items: itemsOf(data['items']) } : data, {
      reference: referenceOf(data),
      subject: typeof data['serviceName'] === 'string' ? `Ihr Antrag „${data['serviceName']}“` : undefined,
      deadline: data['answerBy'],
      recipient: personRecipient(data['applicant']),
    }),
  schema: {
    type: 'object',
    required: ['reference', 'subject', 'items', 'deadline'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      subject: nonEmptyString,
      items: { type: 'array', minItems: 1, items: nonEmptyString },
      deadline: isoDate,
      reason: { type: 'string' },
      signatory: signatorySchema,
    },
  },
  title: (data) => `Nachforderung ${data.reference}`,
  render(letter, data, municipality) {
    letter.letterhead().addressBlock(data.recipient ? recipientBlock(data.recipient) : undefined, data.reference);
    letter.heading('Nachforderung von Unterlagen');
    letter.paragraph(data.subject, { bold: true });
    letter.paragraph(`Sehr geehrte Damen und Herren,\num Ihren Antrag bearbeiten zu können, benötigen wir noch folgende Unterlagen oder Angaben${data.reason ? ` (${data.reason})` : ''}:`);
    letter.bullets(data.items);
    letter.paragraph(`Bitte reichen Sie diese bis zum ${formatDate(data.deadline)} über das Portal oder per Post unter Angabe des Aktenzeichens ${data.reference} nach. Gehen sie bis dahin nicht ein, entscheiden wir nach Aktenlage; der Antrag kann dann abgelehnt werden.`);
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

/** A free-text list (a textarea or one FEEL string): one item a line, bullets stripped. */
function itemsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}

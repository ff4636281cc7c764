import { type DocumentTemplate, fill, fullNameOf, isoDate, isRecord, type JsonRecord, legalRemedyNotice, nonEmptyString, personRecipient, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface RejectionNoticeData {
  readonly recipient: Recipient;
  readonly reference: string;
  /** What was applied for, e.g. "Ihr Antrag „Bewohnerparkausweis“". */
  readonly subject: string;
  /** Why it is rejected: one or more reasons (Begründung). */
  readonly reasons: readonly string[];
  /** e.g. "§§ 62–64 PStG". */
  readonly legalBasis?: string;
  readonly receivedAt?: string;
  /** Facts of the case shown above the reasons (plate, zone, dog, ...). */
  readonly details?: readonly { readonly label: string; readonly value: string }[];
  readonly signatory?: Signatory;
}

/** Reason codes of the routes' decisions (parking-permit-eligibility) in the wording of the notice. */
const REASON_TEXTS: Readonly<Record<string, string>> = {
  notResident: 'Sie sind unter der angegebenen Anschrift nicht gemeldet.',
  noMainResidence: 'Sie sind unter der angegebenen Anschrift nicht mit Hauptwohnsitz gemeldet; der Bewohnerparkausweis setzt einen Hauptwohnsitz in der Zone voraus.',
  outsideZone: 'Die angegebene Anschrift liegt nicht in der beantragten Bewohnerparkzone.',
  privateParkingSpace: 'Ihnen steht ein privater Stellplatz zur Verfügung.',
  vehicleUnknown: 'Das angegebene Kennzeichen ist im Fahrzeugregister nicht zu finden.',
  vehicleTooHeavy: 'Das Fahrzeug überschreitet die zulässige Gesamtmasse für das Bewohnerparken.',
  holderConfirmationMissing: 'Sie sind nicht Halter des Fahrzeugs und haben die Bestätigung über die dauerhafte Nutzung nicht vorgelegt.',
};

/**
 * Ablehnungsbescheid: recipient, reference, what was applied for, the reasons, the legal basis,
 * the Rechtsbehelfsbelehrung, letterhead and signature.
 */
export const rejectionNoticeTemplate: DocumentTemplate<RejectionNoticeData> = {
  name: 'rejection-notice',
  /**
   * urkunden: `caseId`, `serviceName`, `receivedAt`, `reason`, `legalBasis`, `applicant`;
   * bewohnerparkausweis: also `address`, `licensePlate`, `parkingZone` and `reason` as a decision
   * code; hundesteuer: `caseId`, `reason`, `keeper`, `dog`.
   */
  normalize(data) {
    const dog = isRecord(data['dog']) ? data['dog'] : undefined;
    const reason = data['reasons'] ?? data['reason'];
    return fill(data, {
      reference: referenceOf(data),
      recipient: personRecipient(data['applicant'], data['address']) ?? personRecipient(data['keeper']) ?? (Array.isArray(data['persons']) ? personRecipient(data['persons'][0]) : undefined),
      subject:
        data['service'] !== undefined ? `Ihr Antrag „${String(data['service'])}“`
        : typeof data['serviceName'] === 'string' ? `Ihr Antrag „${data['serviceName']}“`
        : dog && typeof dog['name'] === 'string' ? `Ihre Anmeldung des Hundes „${dog['name']}“ zur Hundesteuer`
        : undefined,
      reasons: typeof reason === 'string' ? [REASON_TEXTS[reason] ?? reason] : Array.isArray(reason) ? reason.map((item) => (typeof item === 'string' ? (REASON_TEXTS[item] ?? item) : item)) : undefined,
      details: detailsOf(data),
    });
  },
  schema: {
    type: 'object',
    required: ['recipient', 'reference', 'subject', 'reasons'],
    properties: {
      recipient: recipientSchema,
      reference: nonEmptyString,
      subject: nonEmptyString,
      reasons: { type: 'array', minItems: 1, items: nonEmptyString },
      legalBasis: { type: 'string' },
      receivedAt: isoDate,
      details: { type: 'array', items: { type: 'object', required: ['label', 'value'], properties: { label: nonEmptyString, value: { type: 'string' } } } },
      signatory: signatorySchema,
    },
  },
  title: (data) => `Ablehnungsbescheid ${data.reference}`,
  render(letter, data, municipality) {
    letter.letterhead().addressBlock(recipientBlock(data.recipient), data.reference);
    letter.heading('Ablehnungsbescheid');
    letter.paragraph(data.subject, { bold: true });
    letter.paragraph(`Sehr geehrte Damen und Herren,\n${data.receivedAt ? `Ihr Antrag vom ${formatDate(data.receivedAt)}` : 'Ihr Antrag'} (Aktenzeichen ${data.reference}) wird abgelehnt.`);
    if (data.details && data.details.length > 0) letter.fields(data.details.map((detail) => [detail.label, detail.value] as const));
    letter.heading('Begründung', 11);
    if (data.reasons.length === 1) letter.paragraph(data.reasons[0]);
    else letter.bullets(data.reasons);
    if (data.legalBasis) letter.paragraph(`Rechtsgrundlage: ${data.legalBasis}`);
    letter.heading('Rechtsbehelfsbelehrung', 11);
    letter.paragraph(legalRemedyNotice(municipality, { fees: false }), { size: 9.5 });
    letter.paragraph('Mit freundlichen Grüßen');
    letter.signature(signatoryOf(data, municipality));
  },
};

function detailsOf(data: JsonRecord): { label: string; value: string }[] | undefined {
  const dog = isRecord(data['dog']) ? data['dog'] : undefined;
  const rows: [string, unknown][] = [
    ['Antragsteller/in', fullNameOf(data['applicant']) ?? fullNameOf(data['keeper'])],
    ['Kennzeichen', data['licensePlate']],
    ['Bewohnerparkzone', data['parkingZone']],
    ['Hund', dog ? [dog['name'], dog['breed']].filter((part) => typeof part === 'string').join(', ') : undefined],
  ];
  const details = rows.filter((row): row is [string, string] => typeof row[1] === 'string' && row[1].length > 0).map(([label, value]) => ({ label, value }));
  return details.length > 0 ? details : undefined;
}

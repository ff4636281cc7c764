import { type DocumentTemplate, fill, fullNameOf, isRecord, isoDate, nonEmptyString, type Recipient, recipientBlock, recipientSchema, referenceOf, signatoryOf } from '../document-template';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface ParkingPermitData {
  readonly holder: Recipient;
  readonly zone: string;
  readonly licensePlate: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly permitNumber?: string;
  readonly reference?: string;
  readonly signatory?: Signatory;
}

/** Bewohnerparkausweis (§ 45 Abs. 1b Nr. 2a StVO): zone, plate, validity; to be shown behind the windscreen. */
export const parkingPermitTemplate: DocumentTemplate<ParkingPermitData> = {
  name: 'parking-permit',
  /**
   * bewohnerparkausweis sends `permit` {number, zone, licensePlate, holderName, validFrom, validTo},
   * `caseId`, `applicant` and the `address` of the residence; the holder is the applicant there.
   */
  normalize(data) {
    const permit = isRecord(data['permit']) ? data['permit'] : {};
    const name = permit['holderName'] ?? fullNameOf(data['applicant']);
    const address = (isRecord(data['applicant']) ? data['applicant']['address'] : undefined) ?? data['address'];
    return fill(data, {
      holder: data['recipient'] ?? (name !== undefined && address !== undefined ? { name, address } : undefined),
      zone: permit['zone'] ?? data['parkingZone'],
      licensePlate: permit['licensePlate'] ?? data['licensePlate'],
      validFrom: permit['validFrom'],
      validUntil: permit['validTo'] ?? data['validTo'],
      permitNumber: permit['number'],
      reference: referenceOf(data),
    });
  },
  schema: {
    type: 'object',
    required: ['holder', 'zone', 'licensePlate', 'validFrom', 'validUntil'],
    properties: {
      holder: recipientSchema,
      zone: nonEmptyString,
      licensePlate: nonEmptyString,
      validFrom: isoDate,
      validUntil: isoDate,
      permitNumber: nonEmptyString,
      reference: nonEmptyString,
      signatory: signatorySchema,
    },
  },
  check: (data) => (data.validUntil.slice(0, 10) >= data.validFrom.slice(0, 10) ? [] : [`validUntil ${data.validUntil} liegt vor validFrom ${data.validFrom}`]),
  title: (data) => `Bewohnerparkausweis ${data.licensePlate}`,
  render(letter, data, municipality) {
    letter.letterhead().addressBlock(recipientBlock(data.holder), data.reference);
    letter.heading('Bewohnerparkausweis', 20);
    letter.fields([
      ['Bewohnerparkzone', zoneLabel(data.zone, municipality)],
      ['Amtliches Kennzeichen', data.licensePlate],
      ['Gültig vom', formatDate(data.validFrom)],
      ['Gültig bis', formatDate(data.validUntil)],
      ...(data.permitNumber ? ([['Ausweis-Nr.', data.permitNumber]] as [string, string][]) : []),
      ['Ausgestellt für', data.holder.name],
    ]);
    letter.paragraph(`Dieser Ausweis berechtigt zum Parken in der Bewohnerparkzone ${data.zone} nur mit dem Fahrzeug ${data.licensePlate}. Er ist gut lesbar hinter der Windschutzscheibe auszulegen und verliert seine Gültigkeit, wenn Sie aus der Zone verziehen.`);
    letter.signature(signatoryOf(data, municipality));
  },
};

/** `P1` → `P1 Altstadt` when the tenant values (parkingPermit.zones) name the zone. */
function zoneLabel(zone: string, municipality: unknown): string {
  const permit = isRecord(municipality) ? municipality['parkingPermit'] : undefined;
  const zones = isRecord(permit) && Array.isArray(permit['zones']) ? permit['zones'] : [];
  const named = zones.find((candidate): candidate is { id: string; name: string } => isRecord(candidate) && candidate['id'] === zone && typeof candidate['name'] === 'string');
  return named && !zone.includes(named.name) ? `${zone} ${named.name}` : zone;
}

import { type DocumentTemplate, isoDate, nonEmptyString, type Recipient, recipientBlock, recipientSchema, signatoryOf } from '../document-template';
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
      ['Bewohnerparkzone', data.zone],
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

import type { RegisterEntry, RegisterPerson, RegisterType } from '../../civil-register/civil-register';
import type { DocumentTemplate } from '../document-template';
import { isoDate, nonEmptyString } from '../document-template';
import { formatDate } from '../german-format';
import { type Signatory, signatorySchema } from '../municipality';

export interface CertificateData {
  readonly registerType?: RegisterType;
  readonly registerEntry: Pick<RegisterEntry, 'registerNumber' | 'eventDate' | 'eventPlace' | 'persons'> & { readonly registerType?: RegisterType; readonly office?: string };
  /** What the certificate is for (e.g. "für Zwecke der Rentenversicherung", fee-exempt under § 64 SGB X). */
  readonly purpose?: string;
  readonly signatory?: Signatory;
}

const TITLES: Readonly<Record<RegisterType, string>> = { birth: 'Geburtsurkunde', marriage: 'Eheurkunde', death: 'Sterbeurkunde' };
const EVENT: Readonly<Record<RegisterType, [string, string]>> = {
  birth: ['Tag der Geburt', 'Ort der Geburt'],
  marriage: ['Tag der Eheschließung', 'Ort der Eheschließung'],
  death: ['Tag des Todes', 'Ort des Todes'],
};
const ROLES: Readonly<Record<string, string>> = { child: 'Kind', mother: 'Mutter', father: 'Vater', parent: 'Elternteil', spouse: 'Ehegatte', deceased: 'Verstorbene Person' };

const personSchema = { type: 'object', required: ['givenName', 'familyName', 'role'], properties: { givenName: nonEmptyString, familyName: nonEmptyString, birthDate: isoDate, role: nonEmptyString } };

/** Geburts-, Ehe- or Sterbeurkunde (§ 55 PStG, content as PStV Anlagen 6–9) from a register entry. */
export const certificateTemplate: DocumentTemplate<CertificateData> = {
  name: 'certificate',
  schema: {
    type: 'object',
    required: ['registerEntry'],
    properties: {
      registerType: { enum: ['birth', 'marriage', 'death'] },
      registerEntry: {
        type: 'object',
        required: ['registerNumber', 'eventDate', 'eventPlace', 'persons'],
        properties: { registerNumber: nonEmptyString, registerType: { enum: ['birth', 'marriage', 'death'] }, office: nonEmptyString, eventDate: isoDate, eventPlace: nonEmptyString, persons: { type: 'array', minItems: 1, items: personSchema } },
      },
      purpose: { type: 'string' },
      signatory: signatorySchema,
    },
  },
  check: (data) => (typeOf(data) ? [] : ['registerType fehlt (weder in data noch in data.registerEntry)']),
  title: (data) => `${TITLES[typeOf(data) ?? 'birth']} ${data.registerEntry.persons.map((person) => person.familyName).filter(unique).join('-')}`,
  render(letter, data, municipality) {
    const type = typeOf(data) ?? 'birth';
    const entry = data.registerEntry;
    letter.letterhead();
    letter.heading(TITLES[type], 20);
    letter.fields([
      ['Standesamt', entry.office ?? municipality.office.city],
      ['Registernummer', entry.registerNumber],
    ]);
    for (const person of entry.persons) letter.fields(personRows(person));
    letter.fields([
      [EVENT[type][0], formatDate(entry.eventDate)],
      [EVENT[type][1], entry.eventPlace],
    ]);
    if (data.purpose) letter.paragraph(`Diese Urkunde wird ausgestellt ${data.purpose}.`);
    letter.paragraph(`${municipality.office.city}, den ${formatDate(new Date(letter.date).toISOString())}`);
    letter.signature(data.signatory ?? municipality.signatories[0], false);
  },
};

function typeOf(data: CertificateData): RegisterType | undefined {
  return data.registerType ?? data.registerEntry.registerType;
}

function personRows(person: RegisterPerson): [string, string][] {
  return [
    [ROLES[person.role] ?? person.role, `${person.givenName} ${person.familyName}`],
    ...(person.birthDate ? ([['geboren am', formatDate(person.birthDate)]] as [string, string][]) : []),
  ];
}

function unique(value: string, index: number, all: readonly string[]): boolean {
  return all.indexOf(value) === index;
}

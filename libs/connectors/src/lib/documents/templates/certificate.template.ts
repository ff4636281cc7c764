import type { RegisterEntry, RegisterPerson, RegisterType } from '../../civil-register/civil-register';
import type { DocumentTemplate } from '../document-template';
import { fill, isoDate, isRecord, type JsonRecord, nonEmptyString, referenceOf } from '../document-template';
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

const personSchema = { type: 'object', required: ['givenName', 'familyName', 'role'], properties: { givenName: nonEmptyString, familyName: nonEmptyString, birthName: { type: 'string' }, birthDate: isoDate, role: nonEmptyString } };
const MAIN_ROLE: Readonly<Record<string, string>> = { birth: 'child', marriage: 'spouse', death: 'deceased' };

/** Geburts-, Ehe- or Sterbeurkunde (§ 55 PStG, content as PStV Anlagen 6–9) from a register entry. */
export const certificateTemplate: DocumentTemplate<CertificateData> = {
  name: 'certificate',
  /**
   * urkunden sends `certificateType`, the register entry it found (its `persons` may be empty) and
   * the application's `person` (and `spouse`): they become the entry's persons.
   */
  normalize(data) {
    const registerType = data['registerType'] ?? data['certificateType'];
    const entry = isRecord(data['registerEntry']) ? data['registerEntry'] : undefined;
    const persons = entry && Array.isArray(entry['persons']) && entry['persons'].length > 0 ? undefined : applicationPersons(data, registerType);
    return fill(
      { ...data, ...(entry && persons ? { registerEntry: { ...entry, persons } } : {}) },
      { registerType, reference: referenceOf(data) },
    );
  },
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

/** The application's `person` (and, for a marriage, `spouse`) in the role the register type gives them. */
function applicationPersons(data: JsonRecord, registerType: unknown): JsonRecord[] | undefined {
  const role = typeof registerType === 'string' ? MAIN_ROLE[registerType] : undefined;
  if (!role) return undefined;
  const persons = [data['person'], ...(registerType === 'marriage' ? [data['spouse']] : [])].filter(isRecord).map((person) => ({ ...person, role }));
  return persons.length > 0 ? persons : undefined;
}

function personRows(person: RegisterPerson & { readonly birthName?: string }): [string, string][] {
  return [
    [ROLES[person.role] ?? person.role, `${person.givenName} ${person.familyName}${person.birthName ? ` geb. ${person.birthName}` : ''}`],
    ...(person.birthDate ? ([['geboren am', formatDate(person.birthDate)]] as [string, string][]) : []),
  ];
}

function unique(value: string, index: number, all: readonly string[]): boolean {
  return all.indexOf(value) === index;
}

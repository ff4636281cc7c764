import type { Municipality } from './municipality';

/** The tenant values of a municipality, as a route passes them to document.render. */
export const LEIPZIG: Municipality = {
  name: 'Stadt Leipzig',
  office: { name: 'Standesamt', street: 'Martin-Luther-Ring 4–6', postalCode: '04109', city: 'Leipzig', phone: '0341 123-4567', email: 'standesamt@leipzig.example' },
  bank: { accountHolder: 'Stadtkasse Leipzig', iban: 'DE12 8605 5592 1090 0000 07', bic: 'WELADE8LXXX', bankName: 'Sparkasse Leipzig' },
  signatories: [{ name: 'Jürgen Weißmüller', role: 'Standesbeamter' }],
  letterhead: { lines: ['Der Oberbürgermeister', 'Amt für Bürgerservice'] },
};

export const ERIKA = { name: 'Erika Mustermann', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' } };

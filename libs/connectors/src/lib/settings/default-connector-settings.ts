import type { TenantConnectorSettings } from './connector-settings';

/**
 * What every tenant gets unless the settings file says otherwise: short latencies, no failures,
 * and a few persons the registers know (docs/connectors.md lists them), so a route runs end to
 * end out of the box. Erika Mustermann is found everywhere; Jörg Schäfer's birth entry carries a
 * blocking note; Frieda Weiß has moved away; vehicle L-TR 4000 is too heavy for resident parking.
 * Besides the Leipzig persons, the registers know the persons, events, addresses and plates of
 * the example applications in processes/<route>/examples (Plauen, Zwickau, Freiberg), so each
 * example runs end to end in local mode.
 */
export const DEFAULT_CONNECTOR_SETTINGS: TenantConnectorSettings = {
  seed: 1,
  latencyMs: { min: 20, max: 150 },
  failureRate: 0,
  outages: [],
  systems: {},
  civilRegister: {
    entries: [
      {
        registerNumber: 'G 1234/1990',
        registerType: 'birth',
        office: 'Standesamt Leipzig',
        eventDate: '1990-04-01',
        eventPlace: 'Leipzig',
        persons: [
          { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', role: 'child' },
          { givenName: 'Maria', familyName: 'Mustermann', birthDate: '1962-07-14', role: 'mother' },
          { givenName: 'Max', familyName: 'Mustermann', birthDate: '1960-02-29', role: 'father' },
        ],
        blockingNote: false,
      },
      {
        registerNumber: 'E 321/2015',
        registerType: 'marriage',
        office: 'Standesamt Leipzig',
        eventDate: '2015-06-20',
        eventPlace: 'Leipzig',
        persons: [
          { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', role: 'spouse' },
          { givenName: 'Jürgen', familyName: 'Größmann', birthDate: '1988-09-12', role: 'spouse' },
        ],
        blockingNote: false,
      },
      {
        registerNumber: 'S 88/2024',
        registerType: 'death',
        office: 'Standesamt Leipzig',
        eventDate: '2024-01-05',
        eventPlace: 'Leipzig',
        persons: [{ givenName: 'Hans', familyName: 'Müller', birthDate: '1941-02-17', role: 'deceased' }],
        blockingNote: false,
      },
      {
        registerNumber: 'G 77/2001',
        registerType: 'birth',
        office: 'Standesamt Leipzig',
        eventDate: '2001-11-30',
        eventPlace: 'Leipzig',
        persons: [{ givenName: 'Jörg', familyName: 'Schäfer', birthDate: '2001-11-30', role: 'child' }],
        blockingNote: true,
        blockingReason: 'Sperrvermerk nach § 64 PStG (Adoption)',
      },
      // processes/urkunden/examples (Standesamt Plauen / Zwickau)
      {
        registerNumber: 'G 512/1990',
        registerType: 'birth',
        office: 'Standesamt Plauen',
        eventDate: '1990-05-17',
        eventPlace: 'Plauen',
        persons: [
          { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-05-17', role: 'child' },
          { givenName: 'Hermann', familyName: 'Mustermann', birthDate: '1940-01-12', role: 'father' },
        ],
        blockingNote: false,
      },
      {
        registerNumber: 'G 131/1985',
        registerType: 'birth',
        office: 'Standesamt Plauen',
        eventDate: '1985-02-01',
        eventPlace: 'Plauen',
        persons: [
          { givenName: 'Paul', familyName: 'Mustermann', birthDate: '1985-02-01', role: 'child' },
          { givenName: 'Hermann', familyName: 'Mustermann', birthDate: '1940-01-12', role: 'father' },
        ],
        blockingNote: false,
      },
      {
        registerNumber: 'G 702/1931',
        registerType: 'birth',
        office: 'Standesamt Plauen',
        eventDate: '1931-07-09',
        eventPlace: 'Plauen',
        persons: [{ givenName: 'Hermann', familyName: 'Beispiel', birthDate: '1931-07-09', role: 'child' }],
        blockingNote: false,
      },
      {
        registerNumber: 'E 96/2015',
        registerType: 'marriage',
        office: 'Standesamt Plauen',
        eventDate: '2015-06-20',
        eventPlace: 'Plauen',
        persons: [
          { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-05-17', role: 'spouse' },
          { givenName: 'Max', familyName: 'Mustermann', role: 'spouse' },
        ],
        blockingNote: false,
      },
      {
        registerNumber: 'S 214/2026',
        registerType: 'death',
        office: 'Standesamt Zwickau',
        eventDate: '2026-02-10',
        eventPlace: 'Zwickau',
        persons: [{ givenName: 'Hermann', familyName: 'Mustermann', birthDate: '1940-01-12', role: 'deceased' }],
        blockingNote: false,
      },
    ],
  },
  residents: {
    residents: [
      { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' }, mainResidence: true, registeredSince: '2016-03-01', parkingZone: 'S3' },
      { givenName: 'Jürgen', familyName: 'Größmann', birthDate: '1988-09-12', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' }, mainResidence: true, registeredSince: '2015-07-01', parkingZone: 'S3' },
      { givenName: 'Ümit', familyName: 'Yılmaz', birthDate: '1979-05-23', address: { street: 'Eisenbahnstraße 45', postalCode: '04315', city: 'Leipzig' }, mainResidence: false, registeredSince: '2021-10-15', parkingZone: 'O1' },
      { givenName: 'Frieda', familyName: 'Weiß', birthDate: '1955-08-08', address: { street: 'Gohliser Straße 3', postalCode: '04155', city: 'Leipzig' }, mainResidence: true, registeredSince: '1980-01-01', movedOut: true },
      // processes/hundesteuer/examples (Plauen; welpe-zweithund: Freiberg) and processes/bewohnerparkausweis/examples (zones of the tenant values)
      { givenName: 'Jana', familyName: 'Beispiel', birthDate: '1988-04-02', address: { street: 'Bahnhofstraße 40', postalCode: '08523', city: 'Plauen' }, mainResidence: true, registeredSince: '2019-08-01' },
      { givenName: 'Jana', familyName: 'Beispiel', birthDate: '1988-04-02', address: { street: 'Obermarkt 3', postalCode: '09599', city: 'Freiberg' }, mainResidence: true, registeredSince: '2025-10-01' },
      { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1984-06-12', address: { street: 'Demogasse 7', postalCode: '08523', city: 'Plauen' }, mainResidence: true, registeredSince: '2018-04-01', parkingZone: 'P1' },
      { givenName: 'Anna', familyName: 'Demo', birthDate: '1990-11-30', address: { street: 'Demogasse 9', postalCode: '08523', city: 'Plauen' }, mainResidence: true, registeredSince: '2021-02-15', parkingZone: 'P2' },
      { givenName: 'Jonas', familyName: 'Beispiel', birthDate: '1979-02-03', address: { street: 'Beispielweg 12', postalCode: '08056', city: 'Zwickau' }, mainResidence: true, registeredSince: '2012-09-01', parkingZone: 'Z-A' },
    ],
  },
  vehicles: {
    vehicles: [
      { licensePlate: 'L-EM 1990', holder: { givenName: 'Erika', familyName: 'Mustermann' }, vehicleClass: 'M1', maxWeightKg: 1450 },
      { licensePlate: 'L-JG 88', holder: { givenName: 'Jürgen', familyName: 'Größmann' }, vehicleClass: 'M1', maxWeightKg: 2100 },
      { licensePlate: 'L-UY 512', holder: { givenName: 'Ümit', familyName: 'Yılmaz' }, vehicleClass: 'N1', maxWeightKg: 3500 },
      { licensePlate: 'L-TR 4000', holder: { givenName: 'Thomas', familyName: 'Richter' }, vehicleClass: 'N2', maxWeightKg: 7490 },
      // processes/bewohnerparkausweis/examples: the company cars are held by the employer (holder confirmation path)
      { licensePlate: 'PL-EM 123', holder: { givenName: 'Erika', familyName: 'Mustermann' }, vehicleClass: 'M1', maxWeightKg: 1780 },
      { licensePlate: 'PL-AD 88', holder: { givenName: 'Demo Pflegedienst', familyName: 'GmbH' }, vehicleClass: 'M1', maxWeightKg: 1650 },
      { licensePlate: 'Z-JB 4711', holder: { givenName: 'Beispiel Logistik', familyName: 'GmbH' }, vehicleClass: 'M1', maxWeightKg: 1900 },
    ],
  },
  payment: { payPageBaseUrl: 'http://localhost:3000/simulator/payments', maxAmount: 5000 },
  finance: { dueDays: 14, refusedDebtors: ['Max Schuldner'] },
  eFile: { filePlanPrefix: '32.10' },
  print: { undeliverablePostalCodes: ['00000', '99999'] },
};

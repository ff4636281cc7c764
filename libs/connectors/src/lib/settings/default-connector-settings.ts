import type { TenantConnectorSettings } from './connector-settings';

/**
 * What every tenant gets unless the settings file says otherwise: short latencies, no failures,
 * and a few persons the registers know (docs/connectors.md lists them), so a route runs end to
 * end out of the box. Erika Mustermann is found everywhere; Jörg Schäfer's birth entry carries a
 * blocking note; Frieda Weiß has moved away; vehicle L-TR 4000 is too heavy for resident parking.
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
    ],
  },
  residents: {
    residents: [
      { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' }, mainResidence: true, registeredSince: '2016-03-01', parkingZone: 'S3' },
      { givenName: 'Jürgen', familyName: 'Größmann', birthDate: '1988-09-12', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' }, mainResidence: true, registeredSince: '2015-07-01', parkingZone: 'S3' },
      { givenName: 'Ümit', familyName: 'Yılmaz', birthDate: '1979-05-23', address: { street: 'Eisenbahnstraße 45', postalCode: '04315', city: 'Leipzig' }, mainResidence: false, registeredSince: '2021-10-15', parkingZone: 'O1' },
      { givenName: 'Frieda', familyName: 'Weiß', birthDate: '1955-08-08', address: { street: 'Gohliser Straße 3', postalCode: '04155', city: 'Leipzig' }, mainResidence: true, registeredSince: '1980-01-01', movedOut: true },
    ],
  },
  vehicles: {
    vehicles: [
      { licensePlate: 'L-EM 1990', holder: { givenName: 'Erika', familyName: 'Mustermann' }, vehicleClass: 'M1', maxWeightKg: 1450 },
      { licensePlate: 'L-JG 88', holder: { givenName: 'Jürgen', familyName: 'Größmann' }, vehicleClass: 'M1', maxWeightKg: 2100 },
      { licensePlate: 'L-UY 512', holder: { givenName: 'Ümit', familyName: 'Yılmaz' }, vehicleClass: 'N1', maxWeightKg: 3500 },
      { licensePlate: 'L-TR 4000', holder: { givenName: 'Thomas', familyName: 'Richter' }, vehicleClass: 'N2', maxWeightKg: 7490 },
    ],
  },
  payment: { payPageBaseUrl: 'http://localhost:3000/simulator/payments', maxAmount: 5000 },
  finance: { dueDays: 14, refusedDebtors: ['Max Schuldner'] },
  eFile: { filePlanPrefix: '32.10' },
  print: { undeliverablePostalCodes: ['00000', '99999'] },
};

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDefinitions, parseBpmn } from '@laufweg/bpmn-model';
import { PersonalDataRedactor, routeLiterals } from './personal-data-redactor';

describe('personal data redactor', () => {
  it('given an application, when redacted, then strings become placeholders and numbers, flags, dates and durations stay', () => {
    const redactor = new PersonalDataRedactor();
    expect(
      redactor.variables({
        name: 'Erika Mustermann',
        geburtsdatum: '1990-05-17',
        eingang: '2026-03-02T09:00:00+01:00',
        frist: 'P14D',
        anzahl: 2,
        gebuehrenfrei: false,
        zusatz: null,
        adresse: { strasse: 'Hauptstraße 1', ort: 'Musterstadt' },
        kinder: ['Max', 'Erika Mustermann'],
      }),
    ).toEqual({
      name: '<text-1>',
      geburtsdatum: '1990-05-17',
      eingang: '2026-03-02T09:00:00+01:00',
      frist: 'P14D',
      anzahl: 2,
      gebuehrenfrei: false,
      zusatz: null,
      adresse: { strasse: '<text-2>', ort: '<text-3>' },
      kinder: ['<text-4>', '<text-1>'],
    });
  });

  it('given the same value as variable, correlation key and user, then it gets one placeholder; other users get their own', () => {
    const redactor = new PersonalDataRedactor();
    expect([redactor.user('carla'), redactor.text('A-1'), redactor.user('carl'), redactor.value('A-1'), redactor.user('carla')]).toEqual(['<user-1>', '<text-1>', '<user-2>', '<text-1>', '<user-1>']);
  });

  it('given variables and values to keep, then they stay as they are', () => {
    const redactor = new PersonalDataRedactor({ keepVariables: ['leistung'], keepValues: ['approved'] });
    expect(redactor.variables({ leistung: { schluessel: '99050012104000' }, decision: 'approved', name: 'Ben' })).toEqual({ leistung: { schluessel: '99050012104000' }, decision: 'approved', name: '<text-1>' });
  });

  it('given a route, then its FEEL string literals and static values are its literals', async () => {
    const parsed = await parseBpmn(readFileSync(join(__dirname, '..', 'fixtures', 'capture-decision.bpmn'), 'utf8'));
    if (!parsed.ok) throw new Error('fixture does not parse');
    const compiled = compileDefinitions(parsed.value.definitions);
    if (!compiled.ok) throw new Error('fixture does not compile');
    const literals = routeLiterals(compiled.value);
    expect(literals.has('approved')).toBe(true);
    expect(literals.has('register.lookup')).toBe(true);
  });
});

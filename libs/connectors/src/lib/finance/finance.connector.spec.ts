import { connectorTestKit } from '../../testing/connector-test-kit';
import { validIban } from './finance.simulator';

describe('finance.receivable', () => {
  const debtor = { name: 'Erika Mustermann', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' } };

  it('creates a fee receivable with a Kassenzeichen and a due date after the configured days, and records it', async () => {
    const kit = connectorTestKit();
    const result = await kit.run('finance.receivable', { kind: 'fee', amount: 12.345, debtor }, { jobKey: '42' });
    expect(result).toEqual({ receivable: { cashReference: expect.stringMatching(/^1100\.2026\.\d{6}$/), dueDate: '2026-12-12' } });
    expect(kit.recorder.records).toEqual([expect.objectContaining({ kind: 'receivable', jobKey: '42', payload: expect.objectContaining({ amount: 12.35, debtor: 'Erika Mustermann' }) })]);
  });

  it('gives a dog-tax receivable a tax case and a dog tag number, the same for a retried job', async () => {
    const kit = connectorTestKit();
    const variables = { kind: 'dog-tax', amount: 96, debtor, taxCase: { dogName: 'Bello', dangerous: false, from: '2026-12-01' }, sepaMandate: { iban: 'DE02120300000000202051', accountHolder: 'Erika Mustermann' } };
    const first = await kit.run('finance.receivable', variables, { jobKey: '7' });
    expect(first).toEqual({ receivable: expect.objectContaining({ cashReference: expect.stringMatching(/^1210\./), taxCaseNumber: expect.stringMatching(/^HSt-2026-\d{5}$/), dogTagNumber: expect.stringMatching(/^26-\d{4}$/) }) });
    expect(await kit.run('finance.receivable', variables, { jobKey: '7' })).toEqual(first);
  });

  it('refuses a configured debtor, a negative amount and an invalid IBAN with RECEIVABLE_REFUSED', async () => {
    const kit = connectorTestKit();
    await expect(kit.run('finance.receivable', { kind: 'fee', amount: 10, debtor: { ...debtor, name: 'Max Schuldner' } })).rejects.toMatchObject({ code: 'RECEIVABLE_REFUSED' });
    await expect(kit.run('finance.receivable', { kind: 'fee', amount: -1, debtor })).rejects.toMatchObject({ code: 'RECEIVABLE_REFUSED' });
    await expect(kit.run('finance.receivable', { kind: 'fee', amount: 1, debtor, sepaMandate: { iban: 'DE00120300000000202051', accountHolder: 'X' } })).rejects.toMatchObject({ code: 'RECEIVABLE_REFUSED' });
    expect(kit.recorder.records).toEqual([]);
  });

  it('checks IBANs by their check digits', () => {
    expect(validIban('DE02 1203 0000 0000 2020 51')).toBe(true);
    expect(validIban('DE03120300000000202051')).toBe(false);
  });
});

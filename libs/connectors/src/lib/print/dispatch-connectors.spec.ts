import { connectorTestKit } from '../../testing/connector-test-kit';

describe('what the simulators send: print.mail, portal.notify, chambers.notify, e-file.store', () => {
  const recipient = { name: 'Erika Mustermann', address: { street: 'Karl-Liebknecht-Straße 12', postalCode: '04107', city: 'Leipzig' } };

  it('queues a letter and records the print dispatch', async () => {
    const kit = connectorTestKit();
    await expect(kit.run('print.mail', { document: { id: 'doc-1' }, recipient })).resolves.toEqual({ dispatch: { orderId: expect.stringMatching(/^PO-[0-9A-F]{12}$/), status: 'QUEUED', queuedAt: '2026-11-28T09:00:00.000Z' } });
    expect(kit.recorder.records).toEqual([expect.objectContaining({ kind: 'print-dispatch', payload: expect.objectContaining({ documentId: 'doc-1', address: ['Karl-Liebknecht-Straße 12', '04107 Leipzig'] }) })]);
  });

  it('refuses an address without postal code or with an undeliverable one with ADDRESS_UNDELIVERABLE', async () => {
    const kit = connectorTestKit();
    await expect(kit.run('print.mail', { document: { id: 'doc-1' }, recipient: { name: 'Erika', address: 'Irgendwo' } })).rejects.toMatchObject({ code: 'ADDRESS_UNDELIVERABLE' });
    await expect(kit.run('print.mail', { document: { id: 'doc-1' }, recipient: { ...recipient, address: { ...recipient.address, postalCode: '99999' } } })).rejects.toMatchObject({ code: 'ADDRESS_UNDELIVERABLE' });
    expect(kit.recorder.records).toEqual([]);
  });

  it('notifies the portal and records the notification', async () => {
    const kit = connectorTestKit();
    const result = await kit.run('portal.notify', { submissionId: 'sub-1', caseId: 'STA-1', status: 'completed', message: 'Ihre Urkunde ist unterwegs.', documentIds: ['doc-1'] });
    expect(result).toEqual({ notification: { id: expect.stringMatching(/^N-/), status: 'completed', sentAt: '2026-11-28T09:00:00.000Z' } });
    expect(kit.recorder.records).toEqual([expect.objectContaining({ kind: 'notification', payload: expect.objectContaining({ submissionId: 'sub-1', status: 'completed', documentIds: ['doc-1'] }) })]);
  });

  it('forwards a business registration to each chamber with its own reference', async () => {
    const kit = connectorTestKit();
    const result = await kit.run('chambers.notify', { recipients: ['IHK', 'FA', 'IHK'], business: { name: 'Café Süß' } });
    expect(result).toEqual({ forwarding: { recipients: ['IHK', 'FA'], sentAt: '2026-11-28T09:00:00.000Z', references: { IHK: expect.stringMatching(/^IHK-\d{8}$/), FA: expect.stringMatching(/^FA-\d{8}$/) } } });
    expect(kit.recorder.records.map((record) => [record.kind, record.payload.recipient])).toEqual([['forwarding', 'IHK'], ['forwarding', 'FA']]);
  });

  it('files documents in the e-file under an Aktenzeichen', async () => {
    const kit = connectorTestKit();
    const result = await kit.run('e-file.store', { documents: [{ id: 'doc-1' }, 'doc-2'], subject: 'Geburtsurkunde', retentionYears: 10, reference: 'STA-1' });
    expect(result).toEqual({ filing: { fileNumber: expect.stringMatching(/^32\.10-2026\/\d+$/), documentIds: ['doc-1', 'doc-2'], storedAt: '2026-11-28T09:00:00.000Z' } });
    expect(kit.recorder.records).toEqual([expect.objectContaining({ kind: 'filing' })]);
  });
});

import { ConnectorBusinessError } from '../core/connector';
import { connectorTestKit } from '../../testing/connector-test-kit';
import { readPdfText } from '../../testing/pdf-text';
import { ERIKA, LEIPZIG } from './documents.fixtures';

type DocumentResult = { document: { id: string; name: string; template: string; mediaType: string; pages: number; sha256: string; size: number } };

async function render(template: string, data: object, municipality: object = LEIPZIG) {
  const kit = connectorTestKit();
  const result = (await kit.run('document.render', { template, data: data as never, municipality: municipality as never })) as DocumentResult;
  const stored = kit.documents.documents.get(result.document.id);
  if (!stored) throw new Error('not stored');
  return { result, stored, pdf: readPdfText(stored.content) };
}

describe('document.render', () => {
  it('renders a Geburtsurkunde from a register entry with letterhead, umlauts and the signatory, and stores it', async () => {
    const { result, stored, pdf } = await render('certificate', {
      registerEntry: {
        registerNumber: 'G 1234/1990',
        registerType: 'birth',
        eventDate: '1990-04-01',
        eventPlace: 'Leipzig',
        persons: [{ givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', role: 'child' }, { givenName: 'Maria', familyName: 'Müßig', role: 'mother' }],
      },
      purpose: 'für Zwecke der Rentenversicherung (gebührenfrei, § 64 SGB X)',
    });
    expect(result.document).toEqual({ id: expect.any(String), name: 'Geburtsurkunde Mustermann-Müßig.pdf', template: 'certificate', mediaType: 'application/pdf', pages: 1, sha256: stored.sha256, size: stored.content.byteLength });
    expect(stored).toMatchObject({ tenantId: '14713000', processInstanceKey: '2251799813685249', template: 'certificate' });
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Stadt Leipzig', 'Der Oberbürgermeister', 'Geburtsurkunde', 'G 1234/1990', 'Erika Mustermann', 'Maria Müßig', '01.04.1990', 'Jürgen Weißmüller', 'Standesbeamter']));
    expect(pdf.text).toContain('Martin-Luther-Ring 4–6');
    expect(pdf.text).toContain('§ 64 SGB X');
    expect(pdf.title).toBe('Geburtsurkunde Mustermann-Müßig');
  });

  it('titles the certificate by register type', async () => {
    const entry = { registerNumber: 'S 88/2024', eventDate: '2024-01-05', eventPlace: 'Leipzig', persons: [{ givenName: 'Hans', familyName: 'Müller', role: 'deceased' }] };
    expect((await render('certificate', { registerType: 'death', registerEntry: entry })).pdf.pages[0]).toEqual(expect.arrayContaining(['Sterbeurkunde', 'Tag des Todes', '05.01.2024']));
    expect((await render('certificate', { registerType: 'marriage', registerEntry: entry })).pdf.pages[0]).toContain('Eheurkunde');
  });

  it('renders a Gebührenbescheid with items, total, Kassenzeichen, bank details and the Rechtsbehelfsbelehrung', async () => {
    const { pdf } = await render('fee-notice', {
      recipient: ERIKA,
      reference: 'STA-2026-0042',
      subject: 'Ausstellung von Personenstandsurkunden',
      items: [{ description: 'Geburtsurkunde', amount: 12 }, { description: 'weitere Ausfertigung', amount: 1234.5 }],
      cashReference: '1100.2026.004711',
      dueDate: '2026-12-12',
    });
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Gebührenbescheid', 'Erika Mustermann', 'Karl-Liebknecht-Straße 12', '12,00 €', '1.234,50 €', '1.246,50 €', 'Gesamtbetrag', '1100.2026.004711', 'DE12 8605 5592 1090 0000 07', 'Rechtsbehelfsbelehrung', 'Jürgen Weißmüller']));
    expect(pdf.text).toContain('Aktenzeichen: STA-2026-0042');
    expect(pdf.text).toContain('bis zum 12.12.2026');
  });

  it('renders a Hundesteuerbescheid with the Hundemarke number', async () => {
    const { pdf } = await render('dog-tax-notice', {
      recipient: ERIKA,
      reference: 'HST-1',
      dog: { name: 'Bello', breed: 'Dackel', dangerous: false },
      from: '2026-12-01',
      annualTax: 96,
      taxCaseNumber: 'HSt-2026-00042',
      dogTagNumber: '26-0412',
      cashReference: '1210.2026.000042',
      dueDate: '2027-02-15',
    });
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Hundesteuerbescheid', 'Hundemarke Nr.', '26-0412', '96,00 €', 'HSt-2026-00042']));
    expect(pdf.text).toContain('„Bello“ (Dackel)');
  });

  it('renders a Bewohnerparkausweis with zone, plate and validity', async () => {
    const { pdf } = await render('parking-permit', { holder: ERIKA, zone: 'S3 Südvorstadt', licensePlate: 'L-EM 1990', validFrom: '2026-12-01', validUntil: '2027-11-30', permitNumber: 'BP-2026-17' });
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Bewohnerparkausweis', 'S3 Südvorstadt', 'L-EM 1990', '01.12.2026', '30.11.2027', 'BP-2026-17']));
  });

  it('renders an Empfangsbestätigung § 15 GewO with the bodies it was forwarded to', async () => {
    const { pdf } = await render('business-receipt', {
      recipient: ERIKA,
      reference: 'GEW-2026-7',
      business: { name: 'Café Süß', activity: 'Betrieb eines Cafés', startDate: '2027-01-01' },
      recipients: ['IHK', 'FA', 'XYZ'],
    });
    expect(pdf.text).toContain('§ 15 Abs. 1 Gewerbeordnung');
    expect(pdf.text).toContain('Industrie- und Handelskammer (IHK)');
    expect(pdf.text).toContain('Finanzamt (FA)');
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Café Süß', '01.01.2027']));
  });

  it('renders a Nachforderung with the missing items and the deadline, across pages when long, and replaces what Helvetica cannot print', async () => {
    const items = Array.from({ length: 45 }, (_, index) => `Unterlage ${index + 1}: Nachweis über die Größe der Wohnung`);
    const { result, pdf } = await render('request-letter', { recipient: { name: 'Łukasz Yılmaz ☎', address: 'Eisenbahnstraße 45\n04315 Leipzig' }, reference: 'BP-9', subject: 'Ihr Antrag auf einen Bewohnerparkausweis', items, deadline: '2026-12-12' });
    expect(result.document.pages).toBe(2);
    expect(pdf.text).toContain('Unterlage 45: Nachweis über die Größe der Wohnung');
    expect(pdf.text).toContain('bis zum 12.12.2026');
    expect(pdf.text).toContain('Lukasz Yilmaz ?');
    expect(pdf.pages[1]).toContain('Seite 2 von 2');
  });

  it('refuses missing data, a total that does not add up and a municipality without bank details with TEMPLATE_DATA_INVALID', async () => {
    const refusal = async (template: string, data: object, municipality: object = LEIPZIG): Promise<ConnectorBusinessError> => {
      const error = await render(template, data, municipality).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectorBusinessError);
      return error as ConnectorBusinessError;
    };
    const fee = { recipient: ERIKA, reference: 'R', subject: 'S', items: [{ description: 'A', amount: 10 }], cashReference: 'K', dueDate: '2026-12-12' };
    expect(await refusal('parking-permit', { holder: ERIKA, zone: 'S3' })).toMatchObject({ code: 'TEMPLATE_DATA_INVALID', message: expect.stringContaining('data.licensePlate fehlt') });
    expect(await refusal('fee-notice', { ...fee, total: 11 })).toMatchObject({ code: 'TEMPLATE_DATA_INVALID', message: expect.stringContaining('nicht die Summe') });
    const { bank: _bank, ...withoutBank } = LEIPZIG;
    expect(await refusal('fee-notice', fee, withoutBank)).toMatchObject({ message: expect.stringContaining('municipality.bank fehlt') });
    expect(await refusal('request-letter', { recipient: ERIKA, reference: 'R', subject: 'S', items: ['x'], deadline: '2026-12-12' }, { name: 'Stadt' })).toMatchObject({ message: expect.stringContaining('municipality.office fehlt') });
  });

  it('gives equal bytes for equal input at the same time', async () => {
    const data = { holder: ERIKA, zone: 'S3', licensePlate: 'L-EM 1990', validFrom: '2026-12-01', validUntil: '2027-11-30' };
    expect((await render('parking-permit', data)).result.document.sha256).toBe((await render('parking-permit', data)).result.document.sha256);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { connectorTestKit } from '../../testing/connector-test-kit';
import { readPdfText } from '../../testing/pdf-text';

/**
 * The document.render inputs exactly as the routes in processes/ build them (the FEEL input
 * mappings of the call activities and of shared-notice / shared-request-documents, evaluated by
 * hand on the routes' example applications), rendered and read back.
 */
const PROCESSES = join(__dirname, '../../../../../processes');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const example = (route: string, name: string): Json => JSON.parse(readFileSync(join(PROCESSES, route, 'examples', `${name}.json`), 'utf8')).data;
const tenant = (route: string, name: string): Json => parse(readFileSync(join(PROCESSES, route, 'tenants', `${name}.yaml`), 'utf8'));
const submission = (serviceName: string) => ({ submissionId: 'sub-1', caseId: 'VG-2026-0042', serviceName, receivedAt: '2026-03-02T09:15:00.000Z', attachments: [] });

/** shared-notice's document.render task: template, data, municipality (recipient stays in `notice`). */
async function renderNotice(notice: Json, municipality: Json) {
  return render({ template: notice['template'], data: notice['data'], municipality });
}

/** shared-request-documents' document.render task. */
async function renderRequest(documentsRequest: Json, sub: Json, municipality: Json) {
  const data = { caseId: sub['caseId'], serviceName: sub['serviceName'], items: documentsRequest['items'], reason: documentsRequest['reason'], answerWithin: municipality['deadlines']['documentsAnswer'], answerBy: '2026-03-16' };
  return render({ template: 'request-letter', data, municipality });
}

async function render(variables: Json) {
  const kit = connectorTestKit();
  const result = (await kit.run('document.render', variables)) as { document: { id: string; name: string } };
  const stored = kit.documents.documents.get(result.document.id);
  if (!stored) throw new Error('not stored');
  return { name: result.document.name, pdf: readPdfText(stored.content) };
}

describe('document.render with the routes’ inputs', () => {
  describe('urkunden', () => {
    const municipality = tenant('urkunden', 'plauen');
    const sub = submission('Personenstandsurkunde');

    it.each([
      ['geburtsurkunde', 'Geburtsurkunde', 'G'],
      ['eheurkunde', 'Eheurkunde', 'E'],
      ['sterbeurkunde', 'Sterbeurkunde', 'S'],
    ])('renders the certificate of %s', async (name, title, prefix) => {
      const application = example('urkunden', name);
      const registerEntry = { registerNumber: `${prefix} 12/2026`, registerType: application['certificateType'], office: municipality['office']['name'], eventDate: application['event']['date'], eventPlace: application['event']['place'], persons: [], blockingNote: false };
      const fee = { amount: 12, exempt: false, exemptionReason: null, purpose: `Urkunde ${sub.caseId}`, items: [{ description: 'Urkunde', amount: 12 }] };
      const notice = { template: 'certificate', data: { caseId: sub.caseId, certificateType: application['certificateType'], copies: application['copies'], withoutSexAndParents: application['withoutSexAndParents'] === true, registerEntry, person: application['person'], fee } };
      const { pdf } = await renderNotice(notice, municipality);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining([title, `${prefix} 12/2026`, application['event']['place']]));
      expect(pdf.text).toContain(`${application['person']['givenName']} ${application['person']['familyName']}`);
      if (name === 'eheurkunde') expect(pdf.text).toContain('geb. Gabler');
    });

    it('renders the rejection notice and the request letter', async () => {
      const application = example('urkunden', 'geburtsurkunde-nachlass');
      const reason = 'Für die angegebene Person ist im Personenstandsregister kein Eintrag vorhanden.';
      const notice = { template: 'rejection-notice', data: { caseId: sub.caseId, serviceName: sub.serviceName, receivedAt: sub.receivedAt, reason, legalBasis: '§§ 62–64 PStG', applicant: application['applicant'] } };
      const { pdf, name } = await renderNotice(notice, municipality);
      expect(name).toBe('Ablehnungsbescheid VG-2026-0042.pdf');
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Ablehnungsbescheid', 'Rechtsbehelfsbelehrung', `${application['applicant']['givenName']} ${application['applicant']['familyName']}`, application['applicant']['address']['street']]));
      expect(pdf.text).toContain('§§ 62–64 PStG');
      expect(pdf.text).toContain('02.03.2026');
      const request = await renderRequest({ group: 'standesamt', reason: 'Nachweis fehlt', items: 'Nachweis des rechtlichen bzw. berechtigten Interesses (z. B. Schreiben des Nachlassgerichts)' }, sub, municipality);
      expect(request.pdf.pages[0]).toEqual(expect.arrayContaining(['Nachforderung von Unterlagen']));
      expect(request.pdf.text).toContain('16.03.2026');
      expect(request.pdf.text).toContain('Nachlassgerichts');
    });
  });

  describe('hundesteuer', () => {
    const municipality = tenant('hundesteuer', 'plauen');
    const sub = submission('Hundesteuer Anmeldung');

    it('renders the dog tax notice of ersthund (SEPA) and welpe-zweithund', async () => {
      for (const name of ['ersthund', 'welpe-zweithund', 'befreiung-ohne-nachweis']) {
        const application = example('hundesteuer', name);
        const rate = { annualAmount: 108, rateKind: 'first', label: 'Ersthund' };
        const data = {
          caseId: sub.caseId, keeper: application['keeper'], dog: application['dog'], rate, taxFrom: '2026-03-01', lateRegistration: false,
          exemptionRequested: application['exemption']?.['requested'] === true, exemptionGranted: false,
          cashReference: '1210.2026.000042', taxCaseNumber: 'HSt-2026-00042', dogTagNumber: '26-0412', dueDate: '2026-03-16', sepa: application['sepaMandate'] != null,
        };
        const { pdf } = await renderNotice({ template: 'dog-tax-notice', data }, municipality);
        expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Hundesteuerbescheid', '26-0412', '108,00 €', 'Ersthund', `${application['keeper']['givenName']} ${application['keeper']['familyName']}`]));
        expect(pdf.text).toContain(application['dog']['name']);
        if (application['sepaMandate']) expect(pdf.text).toContain('SEPA-Lastschriftmandats');
        if (name === 'befreiung-ohne-nachweis') expect(pdf.text).toContain('Steuerbefreiung wird nicht gewährt');
      }
    });

    it('renders the rejection notice (no main residence)', async () => {
      const application = example('hundesteuer', 'ersthund');
      const data = { caseId: sub.caseId, reason: `Kein Hauptwohnsitz in ${municipality['name']}; zuständig ist die Gemeinde des Hauptwohnsitzes (Hundesteuersatzung, § 7 SächsKAG).`, keeper: application['keeper'], dog: application['dog'] };
      const { pdf } = await renderNotice({ template: 'rejection-notice', data }, municipality);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Ablehnungsbescheid', 'Rechtsbehelfsbelehrung', 'Jana Beispiel']));
      expect(pdf.text).toContain('„Bello“');
      expect(pdf.text).toContain('§ 7 SächsKAG');
    });

    it('renders the request letter for the dangerous-dog permit', async () => {
      const { pdf } = await renderRequest({ group: 'steueramt', reason: 'Für gefährliche Hunde ist eine Erlaubnis erforderlich.', items: 'Erlaubnis zum Halten eines gefährlichen Hundes (Bescheid der Ortspolizeibehörde)' }, sub, municipality);
      expect(pdf.text).toContain('Erlaubnis zum Halten eines gefährlichen Hundes');
    });
  });

  describe('bewohnerparkausweis', () => {
    const municipality = tenant('bewohnerparkausweis', 'plauen');
    const sub = submission('Bewohnerparkausweis');
    const application = example('bewohnerparkausweis', 'plauen-halter');

    it('renders the parking permit', async () => {
      const permit = { number: `BPA-${sub.caseId}`, zone: application['parkingZone'], licensePlate: application['vehicle']['licensePlate'], holderName: 'Erika Mustermann', validityMonths: 12, validFrom: '2026-03-02', validTo: '2027-03-01', fee: 30 };
      const { pdf } = await renderNotice({ template: 'parking-permit', data: { permit, caseId: sub.caseId, applicant: application['applicant'], address: application['address'] } }, municipality);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Bewohnerparkausweis', 'P1 Altstadt', 'PL-EM 123', '02.03.2026', '01.03.2027', 'BPA-VG-2026-0042', 'Demogasse 7']));
    });

    it('renders the rejection notice with a decision code as reason', async () => {
      const data = { caseId: sub.caseId, serviceName: sub.serviceName, receivedAt: sub.receivedAt, applicant: application['applicant'], address: application['address'], licensePlate: application['vehicle']['licensePlate'], parkingZone: application['parkingZone'], reason: 'outsideZone', legalBasis: '§ 45 Abs. 1b Nr. 2a StVO' };
      const { pdf } = await renderNotice({ template: 'rejection-notice', data }, municipality);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Ablehnungsbescheid', 'Erika Mustermann', 'Demogasse 7', 'PL-EM 123', 'Rechtsbehelfsbelehrung']));
      expect(pdf.text).toContain('nicht in der beantragten Bewohnerparkzone');
    });

    it('renders the request letter for the holder confirmation', async () => {
      const { pdf } = await renderRequest({ group: 'strassenverkehrsbehoerde', items: 'Bestätigung des Halters über die dauerhafte Nutzung des Fahrzeugs (z. B. Dienstwagenbescheinigung des Arbeitgebers)', reason: 'Sie sind nicht Halter des Fahrzeugs.' }, sub, municipality);
      expect(pdf.text).toContain('Dienstwagenbescheinigung');
    });
  });

  describe('gewerbeanzeige', () => {
    const municipality = tenant('gewerbeanzeige', 'plauen');
    const sub = submission('Gewerbeanmeldung');

    it.each(['plauen-einzelhandel', 'plauen-gbr-tischlerei'])('renders the business receipt of %s', async (name) => {
      const application = example('gewerbeanzeige', name);
      const first = application['persons'][0];
      const business = {
        name: application['business']['name'] ?? `${first['givenName']} ${first['familyName']}`, legalForm: application['business']['legalForm'], ownerType: 'naturalPerson', registered: false, registerCourt: null, registerNumber: null,
        establishment: application['establishment']['kind'], address: application['establishment']['address'], category: application['activity']['category'], activity: application['activity']['description'], startDate: application['activity']['startDate'],
        personCount: application['persons'].length, employees: 0, reason: application['reason'],
      };
      const permitRequirements = name === 'plauen-gbr-tischlerei' ? [] : [{ permit: 'Testerlaubnis', legalBasis: '§ 34 GewO', authority: 'Gewerbeamt' }];
      const data = { caseId: sub.caseId, receivedAt: sub.receivedAt, issuedOn: '2026-03-02', business, persons: application['persons'], activity: application['activity'], permitRequirements, fee: 26, notAPermit: permitRequirements.length > 0 };
      const { pdf } = await renderNotice({ template: 'business-receipt', data }, municipality);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Empfangsbestätigung', business.name, `${first['givenName']} ${first['familyName']}`]));
      expect(pdf.text).toContain(application['establishment']['address']['street']);
      if (permitRequirements.length > 0) expect(pdf.text).toContain('Testerlaubnis');
    });

    it('renders the request letter with the clerk’s list of missing items (one a line)', async () => {
      const { pdf } = await renderRequest({ group: 'gewerbeamt', items: 'Kopie des Personalausweises\n- Handelsregisterauszug', reason: 'Die Gewerbeanzeige ist unvollständig (§ 14 GewO, GewAnzV).' }, sub, municipality);
      expect(pdf.text).toContain('Kopie des Personalausweises');
      expect(pdf.text).toContain('Handelsregisterauszug');
    });
  });
});

import { readPdfText } from '@laufweg/connectors/testing';
import { JobExecutor } from '@laufweg/persistence';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { ApiTestApp } from '../api/testing/api-test-app';

const A = '14713000';
const B = '14511000';
/** A tenant whose civil register always times out. */
const OUTAGE = '14522000';

const MUNICIPALITY = {
  name: 'Stadt Leipzig',
  office: { name: 'Standesamt', street: 'Martin-Luther-Ring 4–6', postalCode: '04109', city: 'Leipzig' },
  bank: { accountHolder: 'Stadtkasse Leipzig', iban: 'DE12860555921090000007', bic: 'WELADE8LXXX', bankName: 'Sparkasse Leipzig' },
  signatories: [{ name: 'Jürgen Weißmüller', role: 'Standesbeamter' }],
  letterhead: { lines: ['Der Oberbürgermeister'] },
};
const ERIKA = { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01' };

function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('connectors in the engine: simulators as job handlers, documents, the pay page', () => {
  let api: ApiTestApp;
  let executor: JobExecutor;
  let configDir: string;
  let caseworkerA: { authorization: string };

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'laufweg-connectors-'));
    const configFile = join(configDir, 'connectors.yaml');
    writeFileSync(configFile, `disabledJobTypes: [payment.status]\ndefaults:\n  latencyMs: { min: 0, max: 5 }\ntenants:\n  "${OUTAGE}":\n    systems:\n      civilRegister: { failureRate: 1 }\n`);
    process.env['CONNECTORS_CONFIG'] = configFile;
    api = await ApiTestApp.start();
    executor = api.app.get(JobExecutor);
    for (const tenant of [A, B, OUTAGE]) {
      await api.tenant(tenant);
      const deployed = await api.runtime.deploy({ tenantId: tenant, resourceName: 'connector-routes.bpmn', content: readFileSync(join(__dirname, 'fixtures', 'connector-routes.bpmn'), 'utf8') });
      if (!deployed.ok) throw new Error(deployed.problems.map((problem) => problem.message).join('; '));
    }
    caseworkerA = await api.user('carla', ['caseworker'], { [A]: ['standesamt'] });
  });
  afterAll(async () => {
    delete process.env['CONNECTORS_CONFIG'];
    await api.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  /** Polls until no job is due any more. */
  async function runJobs(): Promise<void> {
    for (let round = 0; round < 20; round += 1) if ((await executor.pollOnce()) === 0) return;
    throw new Error('jobs kept coming');
  }

  /** The instance's process-scope variables from its event log (an ended instance's rows are gone). */
  async function variables(tenantId: string, instance: string): Promise<Record<string, unknown>> {
    const { rows } = await api.owner.query<{ name: string; value: unknown }>(
      `SELECT payload ->> 'name' AS name, payload -> 'value' AS value FROM instance_event
        WHERE tenant_id = $1 AND root_key = $2 AND type = 'VariableSet' AND payload ->> 'scopeKey' = $2::text ORDER BY seq`,
      [tenantId, instance],
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }

  async function status(tenantId: string, instance: string): Promise<string> {
    return (await api.owner.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [tenantId, instance])).rows[0].status;
  }

  it('registers a handler for every connector job type the settings do not leave to external workers', () => {
    expect(executor.types).toEqual(expect.arrayContaining(['civil-register.find-entry', 'document.render', 'payment.request', 'portal.notify', 'print.mail', 'chambers.notify', 'enforcement.update']));
    expect(executor.types).not.toContain('payment.status');
  });

  describe('a certificate order', () => {
    let instance: string;
    let document: { id: string; sha256: string; name: string; pages: number };
    let payment: { requestId: string; payPageUrl: string };

    beforeAll(async () => {
      instance = await api.start(A, 'certificate-order', { applicant: ERIKA, caseId: 'STA-2026-0042', submissionId: 'sub-42', municipality: MUNICIPALITY, healthNote: 'nicht weitergeben' });
      await runJobs();
      const vars = await variables(A, instance);
      document = vars['document'] as typeof document;
      payment = vars['payment'] as typeof payment;
    });

    it('finds the register entry, renders the certificate and opens a payment, then waits for the payment', async () => {
      const vars = await variables(A, instance);
      expect(vars['registerEntry']).toEqual(expect.objectContaining({ registerNumber: 'G 1234/1990', registerType: 'birth' }));
      expect(document).toEqual(expect.objectContaining({ id: expect.any(String), name: 'Geburtsurkunde Mustermann.pdf', template: 'certificate', mediaType: 'application/pdf', pages: 1 }));
      expect(payment).toEqual({ requestId: expect.stringMatching(/^PAY-/), payPageUrl: expect.stringContaining(`/simulator/payments/${payment.requestId}`), status: 'OPEN' });
      const { rows } = await api.owner.query('SELECT message_name, correlation_key FROM message_subscription WHERE tenant_id = $1 AND root_key = $2', [A, instance]);
      expect(rows).toEqual([{ message_name: 'PaymentReceived', correlation_key: payment.requestId }]);
    });

    it('serves the stored PDF to a caseworker of the tenant, with its name and checksum', async () => {
      const response = await api.http.get(`/api/v1/tenants/${A}/documents/${document.id}`).set(caseworkerA).buffer(true).parse(binary);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain("filename*=UTF-8''Geburtsurkunde%20Mustermann.pdf");
      const bytes = response.body as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
      const pdf = readPdfText(bytes);
      expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Stadt Leipzig', 'Geburtsurkunde', 'Erika Mustermann', 'G 1234/1990', 'Jürgen Weißmüller']));
    });

    it('lists the documents of the instance', async () => {
      const response = await api.http.get(`/api/v1/tenants/${A}/process-instances/${instance}/documents`).set(caseworkerA);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [expect.objectContaining({ id: document.id, processInstanceKey: instance, template: 'certificate', sha256: document.sha256 })] });
    });

    it('refuses the document to other roles (403) and to other tenants (404 problem+json)', async () => {
      const designer = await api.user('dora', ['designer'], { [A]: [] });
      const caseworkerB = await api.user('bert', ['caseworker'], { [B]: ['standesamt'] });
      const forbidden = await api.http.get(`/api/v1/tenants/${A}/documents/${document.id}`).set(designer);
      expect([forbidden.status, forbidden.body.type]).toEqual([403, 'urn:laufweg:problem:forbidden']);
      const foreignTenant = await api.http.get(`/api/v1/tenants/${A}/documents/${document.id}`).set(caseworkerB);
      expect([foreignTenant.status, foreignTenant.body.type]).toEqual([404, 'urn:laufweg:problem:tenant-not-found']);
      const ownTenantPath = await api.http.get(`/api/v1/tenants/${B}/documents/${document.id}`).set(caseworkerB);
      expect([ownTenantPath.status, String(ownTenantPath.headers['content-type']), ownTenantPath.body.type]).toEqual([404, expect.stringContaining('application/problem+json'), 'urn:laufweg:problem:document-not-found']);
      const list = await api.http.get(`/api/v1/tenants/${B}/process-instances/${instance}/documents`).set(caseworkerB);
      expect([list.status, list.body.type]).toEqual([404, 'urn:laufweg:problem:process-instance-not-found']);
    });

    it('shows the pay page; paying publishes PaymentReceived, the route goes on and notifies the portal', async () => {
      const page = await api.http.get(`/simulator/payments/${payment.requestId}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('Jetzt bezahlen');
      expect(page.text).toContain('12,00 €');
      expect(page.text).toContain('Geburtsurkunde');

      const paid = await api.http.post(`/simulator/payments/${payment.requestId}`);
      expect([paid.status, paid.headers['location']]).toEqual([303, `/simulator/payments/${payment.requestId}`]);
      expect((await api.http.get(`/simulator/payments/${payment.requestId}`)).text).toContain('Bezahlt am');

      await runJobs();
      expect(await status(A, instance)).toBe('completed');
      const vars = await variables(A, instance);
      expect(vars['paymentStatus']).toEqual(expect.objectContaining({ requestId: payment.requestId, status: 'PAID', amount: 12 }));
      const { rows } = await api.owner.query<{ kind: string; payload: Record<string, unknown> }>('SELECT kind, payload FROM connector_record WHERE tenant_id = $1 AND process_instance_key = $2', [A, instance]);
      expect(rows).toEqual([{ kind: 'notification', payload: expect.objectContaining({ submissionId: 'sub-42', caseId: 'STA-2026-0042', status: 'completed', documentIds: [document.id] }) }]);
      expect(JSON.stringify(rows)).not.toContain('nicht weitergeben');
    });

    it('answers an unknown request id on the pay page with 404 problem+json', async () => {
      const response = await api.http.post('/simulator/payments/PAY-unknown');
      expect([response.status, response.body.type]).toEqual([404, 'urn:laufweg:problem:payment-request-not-found']);
    });
  });

  it('catches REGISTER_ENTRY_NOT_FOUND with the error boundary event', async () => {
    const instance = await api.start(A, 'certificate-order', { applicant: { givenName: 'Otto', familyName: 'Normal' }, caseId: 'STA-2', submissionId: 'sub-2', municipality: MUNICIPALITY });
    await runJobs();
    expect(await status(A, instance)).toBe('completed');
    const { rows } = await api.owner.query(`SELECT element_id FROM element_instance WHERE tenant_id = $1 AND process_instance_key = $2`, [A, instance]);
    expect(rows).toEqual([]);
    const events = await api.owner.query<{ element_id: string }>(`SELECT DISTINCT payload ->> 'elementId' AS element_id FROM instance_event WHERE tenant_id = $1 AND root_key = $2`, [A, instance]);
    expect(events.rows.map((row) => row.element_id)).toEqual(expect.arrayContaining(['noEntry', 'rejected']));
    expect(events.rows.map((row) => row.element_id)).not.toContain('render');
    expect((await api.owner.query('SELECT 1 FROM incident WHERE tenant_id = $1 AND root_key = $2', [A, instance])).rowCount).toBe(0);
  });

  it('retries a civil register that is down and raises an incident when the retries run out', async () => {
    const instance = await api.start(OUTAGE, 'certificate-order', { applicant: ERIKA, caseId: 'STA-3', submissionId: 'sub-3', municipality: MUNICIPALITY });
    await runJobs();
    const { rows } = await api.owner.query<{ element_id: string; message: string }>(`SELECT element_id, message FROM incident WHERE tenant_id = $1 AND process_instance_key = $2`, [OUTAGE, instance]);
    expect(rows).toEqual([{ element_id: 'findEntry', message: expect.stringContaining('Das Personenstandsregister hat nicht rechtzeitig geantwortet') }]);
    const attempts = await api.owner.query<{ n: string }>(`SELECT count(*) AS n FROM instance_event WHERE tenant_id = $1 AND root_key = $2 AND type = 'JobFailed'`, [OUTAGE, instance]);
    expect(Number(attempts.rows[0].n)).toBe(3);
  });

  it('runs the other connectors with their input mappings and records what they sent', async () => {
    const instance = await api.start(A, 'parking-and-business', { applicant: ERIKA, plate: 'L-EM 1990', caseId: 'BP-7' });
    await runJobs();
    expect(await status(A, instance)).toBe('completed');
    const vars = await variables(A, instance);
    expect(vars).toEqual(
      expect.objectContaining({
        residence: expect.objectContaining({ registered: true, parkingZone: 'S3' }),
        vehicle: expect.objectContaining({ licensePlate: 'L-EM 1990', holderMatches: true }),
        receivable: expect.objectContaining({ cashReference: expect.stringMatching(/^1300\./) }),
        filing: expect.objectContaining({ documentIds: ['doc-a'] }),
        dispatch: expect.objectContaining({ status: 'QUEUED' }),
        forwarding: expect.objectContaining({ recipients: ['IHK', 'FA'] }),
      }),
    );
    const { rows } = await api.owner.query<{ kind: string }>('SELECT kind FROM connector_record WHERE tenant_id = $1 AND process_instance_key = $2 ORDER BY id', [A, instance]);
    expect(rows.map((row) => row.kind)).toEqual(['receivable', 'filing', 'print-dispatch', 'forwarding', 'forwarding']);
  });
});

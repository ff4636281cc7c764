import { readPdfText } from '@laufweg/connectors/testing';
import { JobExecutor } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import request, { type Response } from 'supertest';
import { parse as parseYaml } from 'yaml';
import { bearer, TEST_AUTH_ENV, TestTokens } from '../auth/testing/test-tokens';
import { loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';
import { buildSubmission, toFormData } from '../intake/testing/submission-builder';

/**
 * The four municipal routes end to end on PostgreSQL, as a municipality runs them: the routes of
 * processes/ deployed at start, an example application submitted through the intake, the
 * connectors' simulators answering as job handlers, the payment paid on the simulator's pay page,
 * every user task completed through the API by a member of its candidate group (a different person
 * for each task, so four-eyes rules hold) with the form data of the route's happy-path scenario,
 * and the case ending with its PDFs (read back) and the applicant's notifications. A case that pays
 * after a payment request (not in the portal) gets the fee notice (Gebührenbescheid) of shared-payment
 * in its postbox before it pays.
 */
const PROCESSES = join(__dirname, '..', '..', '..', '..', 'processes');
const TENANT = 'plauen';

interface RouteCase {
  readonly route: string;
  readonly example: string;
  /** The happy-path scenario whose caseworker decisions (completeUserTask) the test repeats. */
  readonly scenario: string;
  /** The element the case waits at when it is done for now (a permit's lifetime), else it completes. */
  readonly restsAt?: string;
  /** The case's documents, in the order they were made, each with text its PDF must contain. */
  readonly documents: readonly { readonly template: string; readonly text: readonly string[] }[];
  readonly notifications: readonly string[];
}

/** shared-payment's Gebührenbescheid: title, payer, amount, the request id as Kassenzeichen and the municipality's bank details. */
function feeNotice(amount: string, recipient: readonly string[], bank: readonly string[]) {
  return { template: 'fee-notice', text: ['Gebührenbescheid', ...recipient, amount, 'Gesamtbetrag', 'Kassenzeichen', 'PAY-', ...bank, 'Sie können auch online bezahlen', '/simulator/payments/', 'Rechtsbehelfsbelehrung', 'Stadt Plauen'] };
}

const CASES: readonly RouteCase[] = [
  // A payment request is a 'needs-input' notification (the applicant must pay) with the fee notice; gewerbeanzeige asks for the fee after the receipt.
  {
    route: 'urkunden',
    example: 'geburtsurkunde',
    scenario: '01-geburtsurkunde-bezahlt.yaml',
    documents: [
      feeNotice('12,00 €', ['Erika Mustermann', 'Bahnhofstraße 12'], ['Stadtkasse Plauen (Demo)', 'DE89 3704 0044 0532 0130 00', 'COBADEFFXXX']),
      { template: 'certificate', text: ['Geburtsurkunde', 'Erika', 'Mustermann', '17.05.1990', 'Stadt Plauen'] },
    ],
    notifications: ['received', 'needs-input', 'in-processing', 'completed'],
  },
  { route: 'hundesteuer', example: 'ersthund', scenario: '01-ersthund-plauen.yaml', documents: [{ template: 'dog-tax-notice', text: ['Hundesteuer', 'Jana Beispiel', 'Bello', '108,00', 'Stadt Plauen'] }], notifications: ['received', 'completed'] },
  {
    route: 'gewerbeanzeige',
    example: 'plauen-einzelhandel',
    scenario: '01-plauen-einzelhandel-bescheinigung.yaml',
    documents: [
      { template: 'business-receipt', text: ['Gewerbe', 'Blumen Mustermann', 'Erika Mustermann', 'Stadt Plauen'] },
      feeNotice('26,00 €', ['Erika Mustermann', 'Demogasse 7'], ['Stadtkasse Plauen (Demo)', 'DE02 1203 0000 0000 2020 51']),
    ],
    notifications: ['received', 'completed', 'needs-input'],
  },
  {
    route: 'bewohnerparkausweis',
    example: 'plauen-halter',
    scenario: '01-plauen-halter-ausweis-erinnerung.yaml',
    restsAt: 'renewal-reminder-due',
    documents: [
      feeNotice('30,00 €', ['Erika Mustermann', 'Demogasse 7'], ['Stadtkasse Plauen (Demo)', 'DE02 1203 0000 0000 2020 51']),
      { template: 'parking-permit', text: ['Bewohnerparkausweis', 'PL-EM 123', 'P1', 'Stadt Plauen'] },
    ],
    notifications: ['received', 'needs-input', 'completed'],
  },
];

interface ScenarioTask {
  readonly element: string;
  readonly form: Record<string, unknown>;
}

function happyPathForms(route: string, scenario: string): Map<string, Record<string, unknown>[]> {
  const parsed = parseYaml(readFileSync(join(PROCESSES, route, 'scenarios', scenario), 'utf8')) as { steps?: Record<string, unknown>[] };
  const forms = new Map<string, Record<string, unknown>[]>();
  for (const step of parsed.steps ?? []) {
    const task = step['completeUserTask'] as ScenarioTask | undefined;
    if (task) forms.set(task.element, [...(forms.get(task.element) ?? []), task.form ?? {}]);
  }
  return forms;
}

function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the municipal routes end to end on PostgreSQL', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let owner: Pool;
  let tokens: TestTokens;
  let executor: JobExecutor;
  let workDir: string;
  let people = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    workDir = mkdtempSync(join(tmpdir(), 'laufweg-routes-e2e-'));
    const connectorsConfig = join(workDir, 'connectors.yaml');
    writeFileSync(connectorsConfig, 'enabled: true\ndefaults:\n  latencyMs: { min: 0, max: 2 }\n');
    process.env['CONNECTORS_CONFIG'] = connectorsConfig;
    app = await createApp(
      loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: workDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV, DEPLOY_ROUTES: 'true', PROCESSES_DIR: PROCESSES }),
      db.runtime,
    );
    await app.init();
    owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    owner.on('error', () => undefined);
    tokens = TestTokens.of(app);
    executor = app.get(JobExecutor);
  });
  afterAll(async () => {
    delete process.env['CONNECTORS_CONFIG'];
    await app.close();
    await owner.end();
    await db.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  async function submit(route: string, example: string): Promise<string> {
    const file = JSON.parse(readFileSync(join(PROCESSES, route, 'examples', `${example}.json`), 'utf8')) as { service: string; data: Record<string, unknown> };
    const submission = buildSubmission({ destinationId: TENANT, serviceIdentifier: file.service, data: file.data });
    let call = http().post('/api/v1/submissions').set(bearer(await tokens.forUser('ina.intake')));
    for (const [name, value] of toFormData(submission).entries()) {
      call = typeof value === 'string' ? call.field(name, value) : call.attach(name, Buffer.from(await value.arrayBuffer()), { filename: value.name, contentType: value.type });
    }
    const response = await call;
    expect([response.status, (response.body as { status: string }).status]).toEqual([201, 'accept']);
    return (response.body as { processInstanceKey: string }).processInstanceKey;
  }

  async function runJobs(): Promise<void> {
    for (let round = 0; round < 50; round += 1) if ((await executor.pollOnce()) === 0) return;
    throw new Error('jobs kept coming');
  }

  async function openTasks(root: string): Promise<{ key: string; element_id: string; candidate_groups: string[] }[]> {
    const { rows } = await owner.query<{ key: string; element_id: string; candidate_groups: string[] }>(`SELECT key::text, element_id, candidate_groups FROM user_task WHERE tenant_id = $1 AND root_key = $2 ORDER BY key`, [TENANT, root]);
    return rows;
  }

  async function openIncidents(root: string): Promise<string[]> {
    const { rows } = await owner.query<{ element_id: string; message: string }>(`SELECT element_id, record ->> 'message' AS message FROM incident WHERE tenant_id = $1 AND root_key = $2`, [TENANT, root]);
    return rows.map((row) => `${row.element_id}: ${row.message}`);
  }

  /** A new caseworker in the task's groups completes it through the API (claim, then complete). */
  async function complete(task: { key: string; element_id: string; candidate_groups: string[] }, form: Record<string, unknown>): Promise<void> {
    people += 1;
    const subject = `sachbearbeitung-${people}`;
    await owner.query('INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject) DO UPDATE SET groups = $3', [TENANT, subject, task.candidate_groups]);
    const caller = bearer(await tokens.mint({ sub: subject, name: subject, roles: ['caseworker'] }));
    const claimed = await http().post(`/api/v1/tenants/${TENANT}/user-tasks/${task.key}/claim`).set(caller);
    expect([task.element_id, claimed.status]).toEqual([task.element_id, 204]);
    const completed = await http().post(`/api/v1/tenants/${TENANT}/user-tasks/${task.key}/complete`).set(caller).send({ variables: form });
    expect([task.element_id, completed.status, completed.body]).toEqual([task.element_id, 204, {}]);
  }

  async function payOpenRequests(root: string): Promise<number> {
    const { rows } = await owner.query<{ request_id: string }>(
      `SELECT request_id FROM payment_request WHERE tenant_id = $1 AND status = 'OPEN' AND process_instance_key IN (SELECT key FROM process_instance WHERE tenant_id = $1 AND root_key = $2)`,
      [TENANT, root],
    );
    for (const row of rows) expect((await http().post(`/simulator/payments/${row.request_id}`)).status).toBeLessThan(400);
    return rows.length;
  }

  async function rootStatus(root: string): Promise<string> {
    return (await owner.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, root])).rows[0].status;
  }

  async function activeElements(root: string): Promise<string[]> {
    const { rows } = await owner.query<{ element_id: string }>(`SELECT element_id FROM element_instance WHERE tenant_id = $1 AND root_key = $2 ORDER BY key`, [TENANT, root]);
    const jobs = await owner.query<{ type: string; state: string }>(`SELECT record ->> 'type' AS type, coalesce(record ->> 'errorMessage', kind) AS state FROM job WHERE tenant_id = $1 AND root_key = $2`, [TENANT, root]);
    return [...rows.map((row) => row.element_id), ...jobs.rows.map((job) => `job ${job.type} (${job.state})`)];
  }

  async function isActive(root: string, elementId: string): Promise<boolean> {
    const { rowCount } = await owner.query(`SELECT 1 FROM element_instance WHERE tenant_id = $1 AND root_key = $2 AND element_id = $3`, [TENANT, root, elementId]);
    return (rowCount ?? 0) > 0;
  }

  it.each(CASES.map((routeCase): [string, RouteCase] => [routeCase.route, routeCase]))('%s: from the portal to the finished case', async (_route, routeCase) => {
    const forms = happyPathForms(routeCase.route, routeCase.scenario);
    const root = await submit(routeCase.route, routeCase.example);
    const worked: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      await runJobs();
      expect({ incidents: await openIncidents(root) }).toEqual({ incidents: [] });
      if ((await rootStatus(root)) === 'completed' || (routeCase.restsAt && (await isActive(root, routeCase.restsAt)))) break;
      const tasks = await openTasks(root);
      if (tasks.length === 0 && (await payOpenRequests(root)) > 0) continue;
      if (tasks.length === 0) throw new Error(`${routeCase.route}: the case waits at ${(await activeElements(root)).join(', ')} with no task to work (after ${worked.join(', ') || 'nothing'})`);
      for (const task of tasks) {
        const queued = forms.get(task.element_id);
        if (!queued?.length) throw new Error(`${routeCase.route}: the case waits at '${task.element_id}', which the happy path '${routeCase.scenario}' does not complete (after ${worked.join(', ')})`);
        await complete(task, queued.shift() ?? {});
        worked.push(task.element_id);
      }
      // Four-eyes and group checks ran in the API; wait for the job executor's work next round.
    }
    if (routeCase.restsAt) expect(await isActive(root, routeCase.restsAt)).toBe(true);
    else expect(await rootStatus(root)).toBe('completed');

    const team = bearer(await tokens.forUser('tom.team'));
    const listed = await http().get(`/api/v1/tenants/${TENANT}/process-instances/${root}/documents`).set(team);
    expect(listed.status).toBe(200);
    const documents = (listed.body as { items?: { id: string; template?: string }[] }).items ?? (listed.body as { id: string; template?: string }[]);
    expect(documents.map((document) => document.template)).toEqual(routeCase.documents.map((document) => document.template));
    for (const [index, document] of documents.entries()) {
      const pdf = await http().get(`/api/v1/tenants/${TENANT}/documents/${document.id}`).set(team).buffer(true).parse(binary);
      expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
      const text = readPdfText(new Uint8Array(pdf.body as Buffer)).text;
      for (const expected of routeCase.documents[index].text) expect({ template: document.template, expected, found: text.includes(expected) }).toEqual({ template: document.template, expected, found: true });
    }

    const { rows } = await owner.query<{ status: string; document_ids: string[] | null }>(
      `SELECT payload ->> 'status' AS status, payload -> 'documentIds' AS document_ids FROM connector_record WHERE tenant_id = $1 AND kind = 'notification' AND process_instance_key IN (SELECT key FROM process_instance WHERE tenant_id = $1 AND root_key = $2) ORDER BY id`,
      [TENANT, root],
    );
    expect(rows.map((row) => row.status)).toEqual(routeCase.notifications);
    // The payment request ('needs-input') hands the applicant the fee notice in the postbox.
    const feeNotices = documents.filter((document) => document.template === 'fee-notice').map((document) => [document.id]);
    expect(rows.filter((row) => row.status === 'needs-input').map((row) => row.document_ids)).toEqual(feeNotices);
  });
});

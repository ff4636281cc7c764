import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiTestApp } from '../api/testing/api-test-app';
import { AuditChainerLifecycle } from '../audit/audit-chainer-lifecycle';

const TENANT = '14511000';
const OTHER = '14612000';
const ROUTE = readFileSync(join(__dirname, '..', '..', '..', '..', 'libs', 'engine-testing', 'src', 'scenarios', 'fixtures', 'order-basics.bpmn'), 'utf8');
const SCENARIO = readFileSync(join(__dirname, '..', '..', '..', '..', 'libs', 'scenarios', 'examples', 'order-auto-fee.yaml'), 'utf8');
type Headers = { authorization: string };

describe('scenario runs over HTTP', () => {
  let api: ApiTestApp;
  let designer: Headers;
  let caseworker: Headers;
  let outsider: Headers;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    designer = await api.user('dora', ['designer'], { [TENANT]: [] });
    caseworker = await api.user('carla', ['caseworker'], { [TENANT]: [] });
    outsider = await api.user('otto', ['team'], { [OTHER]: [] });
    const deployed = await api.runtime.deploy({ tenantId: TENANT, resourceName: 'order-basics.bpmn', content: ROUTE });
    if (!deployed.ok) throw new Error('order-basics does not deploy');
    await api.start(TENANT, 'order', { amount: 500, owner: 'real' });
  });
  afterAll(async () => api.close());

  /** Rows of every table with a tenant column that belong to a sandbox, plus sandbox tenants. */
  async function sandboxRows(): Promise<number> {
    const { rows: tables } = await api.owner.query<{ table_name: string }>(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`);
    let total = 0;
    for (const { table_name: table } of tables) {
      const { rows } = await api.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id LIKE 'sandbox-%'`);
      total += rows[0]?.n ?? 0;
    }
    const tenants = await api.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenant WHERE id LIKE 'sandbox-%'`);
    return total + (tenants.rows[0]?.n ?? 0);
  }

  it('runs a municipal route of processes/ with its shared processes, decisions and municipal values, started as the intake starts it', async () => {
    const processes = join(__dirname, '..', '..', '..', '..', 'processes');
    const urkunden = readFileSync(join(processes, 'urkunden', 'urkunden.bpmn'), 'utf8');
    const scenario = readFileSync(join(processes, 'urkunden', 'scenarios', '01-geburtsurkunde-bezahlt.yaml'), 'utf8');
    const before = await sandboxRows();

    const passed = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: urkunden, scenario });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ passed: true, failures: [], produced: { 'document.render': 2, 'print.mail': 1 } });
    const body = passed.body as { path: string[]; coverage: { flows: { total: number } } };
    expect(body.path).toEqual(expect.arrayContaining(['application-received', 'pay-payment-received', 'issue-certificate', 'notice-render', 'case-closed']));

    // the same scenario for Zwickau still expects Plauen's fee (12 €; Zwickau charges 15 €) and fails naming it
    const broken = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: urkunden, scenario: scenario.replace('tenant: plauen', 'tenant: zwickau') });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ passed: false });
    expect(JSON.stringify((broken.body as { failures: unknown[] }).failures)).toContain('fee');
    // A file whose messages are correlated by the default case id (case-<file>) runs as in the CLI
    // when the request names the file (regression: every API run was 'scenario.yaml').
    const file = '05-recherche-geschwister-nachweis-zahlungserinnerung.yaml';
    const withFile = readFileSync(join(processes, 'urkunden', 'scenarios', file), 'utf8');
    const named = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: urkunden, scenario: withFile, scenarioFile: file });
    expect(named.body).toMatchObject({ passed: true, failures: [] });
    const unnamed = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: urkunden, scenario: withFile });
    expect(unnamed.body).toMatchObject({ passed: false });
    const badName = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: urkunden, scenario: withFile, scenarioFile: '../etc/passwd' });
    expect(badName.status).toBe(400);
    expect(await sandboxRows()).toBe(before);
  });

  it('runs a scenario on the deployed route and on a draft in a sandbox, and leaves every row outside it as it was', async () => {
    // given the audit chain of the real tenant is up to date, and a fingerprint of every row
    const chainer = api.app.get(AuditChainerLifecycle).chainer;
    await chainer.drain();
    const before = await api.fingerprint();

    // when the designer runs the scenario on the deployed route and on a draft
    const deployed = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, processId: 'order', scenario: SCENARIO });
    const draft = await api.http.post('/api/v1/scenario-runs').set(designer).send({ tenantId: TENANT, bpmnXml: ROUTE, scenario: SCENARIO.replace('amount: 40', 'amount: 400') });

    // then both answer with the path, visits, coverage and what was produced
    expect(deployed.status).toBe(200);
    expect(deployed.body).toMatchObject({
      passed: true,
      path: ['start', 'check', 'decide', 'fee', 'join', 'archive', 'end'],
      visits: { start: 1, check: 1, fee: 1, end: 1 },
      failures: [],
      produced: { 'application.check': 1 },
      coverage: { nodes: { percent: expect.any(Number) }, flows: { missing: expect.arrayContaining([expect.any(String)]) } },
    });
    expect(draft.status).toBe(200);
    expect(draft.body.passed).toBe(false);
    expect(draft.body.failures[0]).toMatchObject({ where: expect.stringMatching(/^steps\[1\]|^expect/) });

    // and nothing outside the sandbox changed, and no sandbox row remains
    await chainer.drain();
    expect(await api.fingerprint()).toEqual(before);
    expect(await sandboxRows()).toBe(0);
  });

  it('answers an invalid scenario with 422 listing every problem with its YAML path', async () => {
    const response = await api.http
      .post('/api/v1/scenario-runs')
      .set(designer)
      .send({ tenantId: TENANT, bpmnXml: ROUTE, scenario: 'name: broken\nroute: order-basics\nsteps:\n  - wait: soon\n  - expectUsertask: { element: check }\n' });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:laufweg:problem:scenario-invalid', status: 422 });
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toEqual(expect.arrayContaining(['steps[0].wait', expect.stringMatching(/^steps\[1\]/)]));
  });

  it('refuses callers without the role or the tenant, and unknown processes', async () => {
    const body = { tenantId: TENANT, processId: 'order', scenario: SCENARIO };
    expect((await api.http.post('/api/v1/scenario-runs').set(caseworker).send(body)).status).toBe(403);
    expect((await api.http.post('/api/v1/scenario-runs').set(outsider).send(body)).status).toBe(404);
    expect((await api.http.post('/api/v1/scenario-runs').set(designer).send({ ...body, processId: 'unknown' })).status).toBe(404);
    expect((await api.http.post('/api/v1/scenario-runs').set(designer).send({ ...body, bpmnXml: ROUTE })).status).toBe(422);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiTestApp } from '../api/testing/api-test-app';
import { RetentionScheduler } from './retention-scheduler';

const TENANT = '14626000';
const OTHER = '14627000';
const DAY = 24 * 60 * 60 * 1000;

describe('legal hold and the retention job in the service', () => {
  let api: ApiTestApp;
  let team: { authorization: string };
  let admin: { authorization: string };
  let designer: { authorization: string };
  let held: string;
  let free: string;

  async function finishedOrder(applicant: string): Promise<string> {
    const rootKey = await api.start(TENANT, 'certificate-order', { applicant });
    await api.runtime.completeUserTask(TENANT, await api.taskKey(TENANT, rootKey, 'approve'), { decision: `${applicant} approved` });
    return rootKey;
  }

  async function payloadsOf(rootKey: string): Promise<string> {
    const { rows } = await api.owner.query<{ payload: unknown }>('SELECT payload FROM instance_event WHERE tenant_id = $1 AND root_key = $2 ORDER BY position', [TENANT, rootKey]);
    return JSON.stringify(rows);
  }

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    designer = await api.user('dana', ['designer'], { [TENANT]: [] });
    admin = await api.user('ada', ['admin']);
    const content = readFileSync(join(__dirname, 'fixtures', 'certificate-order.bpmn'), 'utf8');
    expect((await api.runtime.deploy({ tenantId: TENANT, resourceName: 'certificate-order.bpmn', content })).ok).toBe(true);
    held = await finishedOrder('Erika Mustermann');
    free = await finishedOrder('Max Mustermann');
  });
  afterAll(async () => api.close());

  it('puts an instance on hold, so the retention job keeps it while it erases the other', async () => {
    // when the team puts one finished order on hold
    const response = await api.http.post(`/api/v1/tenants/${TENANT}/process-instances/${held}/legal-hold`).set(team).send({ hold: true });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ processInstanceKey: held, legalHold: true, erasedAt: null });

    // and the retention job runs after the route's 30 days
    const report = await api.app.get(RetentionScheduler).runRetention(new Date(Date.now() + 31 * DAY));

    // then only the other order is erased, with an audit entry
    expect(report.erased.map((erased) => erased.processInstanceKey)).toEqual([free]);
    expect(await payloadsOf(held)).toContain('Erika Mustermann');
    expect(await payloadsOf(free)).not.toContain('Max Mustermann');
    const audit = await api.http.get(`/api/v1/tenants/${TENANT}/audit`).query({ action: 'retention.erased' }).set(team);
    expect((audit.body as { items: unknown[] }).items).toEqual([expect.objectContaining({ actor: 'retention', targetKey: free, details: expect.objectContaining({ retention: 'P30D' }) })]);

    // and once the admin lifts the hold, the next run erases it too
    const lifted = await api.http.post(`/api/v1/tenants/${TENANT}/process-instances/${held}/legal-hold`).set(admin).send({ hold: false });
    expect(lifted.body).toEqual({ processInstanceKey: held, legalHold: false, erasedAt: null });
    expect((await api.app.get(RetentionScheduler).runRetention(new Date(Date.now() + 31 * DAY))).erased.map((erased) => erased.processInstanceKey)).toEqual([held]);
    const after = await api.http.post(`/api/v1/tenants/${TENANT}/process-instances/${held}/legal-hold`).set(admin).send({ hold: true });
    expect(after.body).toEqual({ processInstanceKey: held, legalHold: true, erasedAt: expect.stringMatching(/^\d{4}-/) });
  });

  it('refuses bad requests with a problem and changes nothing', async () => {
    const before = await api.fingerprint();
    const base = `/api/v1/tenants/${TENANT}/process-instances`;
    const cases: [string, { authorization: string }, unknown, number, string][] = [
      [`${base}/${free}/legal-hold`, designer, { hold: true }, 403, 'urn:laufweg:problem:forbidden'],
      [`${base}/${free}/legal-hold`, team, { hold: 'yes' }, 400, 'urn:laufweg:problem:bad-request'],
      [`${base}/${free}/legal-hold`, team, { hold: true, reason: 'x' }, 400, 'urn:laufweg:problem:bad-request'],
      [`${base}/999999/legal-hold`, team, { hold: true }, 404, 'urn:laufweg:problem:process-instance-not-found'],
      [`${base}/abc/legal-hold`, team, { hold: true }, 404, 'urn:laufweg:problem:process-instance-not-found'],
      [`/api/v1/tenants/${OTHER}/process-instances/${free}/legal-hold`, team, { hold: true }, 404, 'urn:laufweg:problem:tenant-not-found'],
      [`/api/v1/tenants/${OTHER}/process-instances/${free}/legal-hold`, admin, { hold: true }, 404, 'urn:laufweg:problem:process-instance-not-found'],
    ];
    for (const [path, as, body, status, type] of cases) {
      const response = await api.http.post(path).set(as).send(body as object);
      expect([path, response.status, (response.body as { type: string }).type]).toEqual([path, status, type]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });
});

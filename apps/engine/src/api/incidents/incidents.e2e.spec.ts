import { ApiTestApp } from '../testing/api-test-app';
import { jobKey, waitingForFee } from '../testing/case-steps';

const TENANT = '14511000';
const OTHER = '14612000';
const BASE = `/api/v1/tenants/${TENANT}`;

describe('incidents over HTTP', () => {
  let api: ApiTestApp;
  let team: { authorization: string };

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    await api.deploy(TENANT, 'building-permit.bpmn', ['check-application.form', 'approve-permit.form']);
  });
  afterAll(async () => api.close());

  async function failedNotification(applicationId: string): Promise<{ instance: string; job: string }> {
    const instance = await waitingForFee(api, TENANT, applicationId);
    await api.runtime.correlateMessage(TENANT, { name: 'fee-paid', correlationKey: applicationId });
    const job = await jobKey(api, TENANT, instance);
    const failed = await api.runtime.failJob(TENANT, job, { retries: 0, errorMessage: 'Portal nicht erreichbar' });
    if (failed.rejected) throw new Error(failed.reason);
    return { instance, job };
  }

  it('lists an incident and resolves it with new retries; resolving it again is 404', async () => {
    const { instance, job } = await failedNotification('I-1');
    const list = await api.http.get(`${BASE}/incidents?processInstanceKey=${instance}`).set(team);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [{ key: expect.stringMatching(/^\d+$/), processInstanceKey: instance, processId: 'building-permit', elementInstanceKey: expect.any(String), elementId: 'notify', errorType: 'JOB_NO_RETRIES', message: 'Portal nicht erreichbar', jobKey: job, createdAt: expect.any(String) }],
      total: 1,
      limit: 50,
      offset: 0,
    });
    expect((await api.http.get(`${BASE}/process-instances?withIncidents=true`).set(team)).body.items.map((item: { key: string }) => item.key)).toEqual([instance]);
    const key = list.body.items[0].key as string;

    expect((await api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).send({ retries: 2 })).status).toBe(204);
    expect((await api.owner.query('SELECT retries, state FROM job WHERE key = $1', [job])).rows).toEqual([{ retries: 2, state: 'activatable' }]);
    expect((await api.http.get(`${BASE}/incidents`).set(team)).body.items).toEqual([]);
    const before = await api.fingerprint();
    const again = await api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).send({});
    expect([again.status, again.body.type]).toEqual([404, 'urn:laufweg:problem:incident-not-found']);
    expect(await api.fingerprint()).toEqual(before);
  });

  it('answers bad input, wrong roles and other tenants with problems and changes nothing', async () => {
    await failedNotification('I-2');
    const [{ key }] = (await api.owner.query<{ key: string }>('SELECT key FROM incident WHERE tenant_id = $1', [TENANT])).rows;
    const caseworker = await api.user('carla', ['caseworker'], { [TENANT]: ['bauamt'] });
    const stranger = await api.user('olga', ['team'], { [OTHER]: [] });
    const before = await api.fingerprint();
    const cases: [Promise<{ status: number; body: { type?: string } }>, number][] = [
      [api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).set('content-type', 'application/json').send('{"retries": '), 400],
      [api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).send({ retries: 0 }), 400],
      [api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).send({ retries: 'many' }), 400],
      [api.http.post(`${BASE}/incidents/${key}/resolve`).set(team).send({ retries: 1, force: true }), 400],
      [api.http.post(`${BASE}/incidents/${key}/resolve`).set(caseworker).send({}), 403],
      [api.http.get(`${BASE}/incidents`).set(caseworker), 403],
      [api.http.post(`/api/v1/tenants/${OTHER}/incidents/${key}/resolve`).set(stranger).send({}), 404],
      [api.http.get(`${BASE}/incidents`).set(stranger), 404],
      [api.http.post(`${BASE}/incidents/x1/resolve`).set(team).send({}), 404],
    ];
    for (const [response, status] of cases) {
      const answer = await response;
      expect([answer.status, answer.body.type?.startsWith('urn:laufweg:problem:')]).toEqual([status, true]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });
});

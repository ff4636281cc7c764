import { ApiTestApp } from '../testing/api-test-app';
import { waitingForFee } from '../testing/case-steps';

const TENANT = '14511000';
const OTHER = '14612000';
const BASE = `/api/v1/tenants/${TENANT}`;
type Headers = { authorization: string };

describe('messages and signals over HTTP', () => {
  let api: ApiTestApp;
  let intake: Headers;
  let team: Headers;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    intake = await api.user('portal', ['intake'], { [TENANT]: [] });
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    await api.deploy(TENANT, 'building-permit.bpmn', ['check-application.form', 'approve-permit.form']);
    await api.deploy(TENANT, 'storm-warning.bpmn');
  });
  afterAll(async () => api.close());

  it('correlates a message to the waiting instance and reports where it arrived', async () => {
    const instance = await waitingForFee(api, TENANT, 'A-1');
    const response = await api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', correlationKey: 'A-1', variables: { paidAmount: 120 } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ outcome: 'correlated', correlations: [{ processInstanceKey: instance, elementId: 'awaitFee', elementInstanceKey: expect.stringMatching(/^\d+$/) }], startedProcessInstances: [] });
    const jobs = await api.owner.query(`SELECT type FROM job WHERE tenant_id = $1 AND process_instance_key = $2`, [TENANT, instance]);
    expect(jobs.rows).toEqual([{ type: 'portal.notify' }]);
  });

  it('buffers a message nobody waits for, refuses its id twice, and drops one without time to live', async () => {
    const buffered = await api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', correlationKey: 'A-2', timeToLiveMs: 60_000, messageId: 'pay-2' });
    expect(buffered.body).toEqual({ outcome: 'buffered', correlations: [], startedProcessInstances: [] });
    const before = await api.fingerprint();
    const duplicate = await api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', correlationKey: 'A-2', timeToLiveMs: 60_000, messageId: 'pay-2' });
    expect(duplicate.body.outcome).toBe('duplicate');
    expect(await api.fingerprint()).toEqual(before);
    expect((await api.http.post(`${BASE}/messages`).set(team).send({ name: 'fee-paid', correlationKey: 'nobody' })).body.outcome).toBe('dropped');

    // the buffered message is taken when the instance arrives at the catch event
    const instance = await waitingForFee(api, TENANT, 'A-2');
    const jobs = await api.owner.query(`SELECT type FROM job WHERE tenant_id = $1 AND process_instance_key = $2`, [TENANT, instance]);
    expect(jobs.rows).toEqual([{ type: 'portal.notify' }]);
  });

  it('broadcasts a signal to waiting catch events and signal start events', async () => {
    const waiting = await api.start(TENANT, 'storm-watch');
    const response = await api.http.post(`${BASE}/signals`).set(team).send({ name: 'storm-warning', variables: { district: 'Nord' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ triggered: [expect.objectContaining({ processInstanceKey: waiting, elementId: 'waitStorm' })], startedProcessInstances: [expect.stringMatching(/^\d+$/)] });
    const statuses = await api.owner.query('SELECT process_id, status FROM process_instance WHERE tenant_id = $1 AND process_id LIKE $2 ORDER BY key', [TENANT, 'storm-%']);
    expect(statuses.rows).toEqual([
      { process_id: 'storm-watch', status: 'completed' },
      { process_id: 'storm-report', status: 'active' },
    ]);
  });

  it('answers bad input, wrong roles and other tenants with problems and changes nothing', async () => {
    const stranger = await api.user('olga', ['intake', 'team'], { [OTHER]: [] });
    const before = await api.fingerprint();
    const cases: [Promise<{ status: number; body: { type?: string } }>, number][] = [
      [api.http.post(`${BASE}/messages`).set(intake).set('content-type', 'application/json').send('{"name": "fee'), 400],
      [api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', priority: 1 }), 400],
      [api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', timeToLiveMs: 'soon' }), 400],
      [api.http.post(`${BASE}/messages`).set(intake).send({ name: 'fee-paid', variables: { blob: 'x'.repeat(200_000) } }), 413],
      [api.http.post(`/api/v1/tenants/${OTHER}/messages`).set(intake).send({ name: 'fee-paid' }), 404],
      [api.http.post(`${BASE}/messages`).set(stranger).send({ name: 'fee-paid' }), 404],
      [api.http.post(`${BASE}/signals`).set(intake).send({ name: 'storm-warning' }), 403],
      [api.http.post(`${BASE}/signals`).set(team).send({ name: '' }), 400],
    ];
    for (const [response, status] of cases) {
      const answer = await response;
      expect([answer.status, answer.body.type?.startsWith('urn:laufweg:problem:')]).toEqual([status, true]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });
});

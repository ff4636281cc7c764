import { ApiTestApp, fixture } from '../testing/api-test-app';

const TENANT = '14511000';
const OTHER = '14612000';
const BASE = `/api/v1/tenants/${TENANT}`;
type Headers = { authorization: string };

describe('user tasks over HTTP', () => {
  let api: ApiTestApp;
  let anna: Headers;
  let ben: Headers;
  let outsider: Headers;
  let team: Headers;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    anna = await api.user('anna', ['caseworker'], { [TENANT]: ['bauamt'] });
    ben = await api.user('ben', ['caseworker'], { [TENANT]: ['bauamt', 'standesamt'] });
    outsider = await api.user('olaf', ['caseworker'], { [TENANT]: ['standesamt'], [OTHER]: ['bauamt'] });
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    await api.deploy(TENANT, 'building-permit.bpmn', ['check-application.form', 'approve-permit.form']);
  });
  afterAll(async () => api.close());

  const post = (path: string, who: Headers, body?: object) => api.http.post(`${BASE}/user-tasks/${path}`).set(who).send(body);

  it('walks a case through claim, form check, completion and the four-eyes rule', async () => {
    const instance = await api.start(TENANT, 'building-permit', { applicant: 'Erika Mustermann', plotNumber: '123/4', secret: 'not for the task' });
    const check = await api.taskKey(TENANT, instance, 'check');

    // the task is offered to the bauamt group, not to others
    const offered = await api.http.get(`${BASE}/user-tasks?myGroups=true&unassigned=true`).set(anna);
    expect(offered.body.items).toEqual([expect.objectContaining({ key: check, elementId: 'check', name: 'Antrag prüfen', candidateGroups: ['bauamt'], assignee: null, formId: 'check-application' })]);
    expect((await api.http.get(`${BASE}/user-tasks`).set(outsider)).body.items).toEqual([]);
    expect((await api.http.get(`${BASE}/user-tasks/${check}`).set(outsider)).status).toBe(404);

    // with its form and only the case data the form and the route's caseSummary name
    const detail = await api.http.get(`${BASE}/user-tasks/${check}`).set(anna);
    expect(detail.status).toBe(200);
    expect(detail.body.form).toEqual(JSON.parse(fixture('check-application.form')));
    expect(detail.body.caseData).toEqual({ documentsComplete: null, remarks: null, fee: null, applicant: 'Erika Mustermann', plotNumber: '123/4' });

    // completing before claiming is refused and changes nothing
    let before = await api.fingerprint();
    const unclaimed = await post(`${check}/complete`, anna, { variables: { documentsComplete: true } });
    expect(unclaimed.status).toBe(409);
    expect(unclaimed.body.type).toBe('urn:laufweg:problem:task-not-claimed');
    expect((await post(`${check}/claim`, outsider)).status).toBe(404);
    expect(await api.fingerprint()).toEqual(before);

    // anna claims; ben can neither claim nor complete it
    expect((await post(`${check}/claim`, anna)).status).toBe(204);
    expect((await post(`${check}/claim`, anna)).status).toBe(204);
    before = await api.fingerprint();
    const taken = await post(`${check}/claim`, ben);
    expect([taken.status, taken.body.type]).toEqual([409, 'urn:laufweg:problem:task-already-claimed']);
    const foreignHands = await post(`${check}/complete`, ben, { variables: { documentsComplete: true } });
    expect([foreignHands.status, foreignHands.body.type]).toEqual([403, 'urn:laufweg:problem:not-assignee']);
    expect((await post(`${check}/unclaim`, ben)).status).toBe(403);

    // data that does not fit the form is refused field by field
    const invalid = await post(`${check}/complete`, anna, { variables: { documentsComplete: 'yes', fee: -5, approvedBy: 'anna' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.type).toBe('urn:laufweg:problem:invalid-form-data');
    expect(invalid.body.errors.map((error: { field: string; rule: string }) => [error.field, error.rule])).toEqual([
      ['documentsComplete', 'type'],
      ['fee', 'min'],
      ['approvedBy', 'unknown-field'],
    ]);
    expect(await api.fingerprint()).toEqual(before);

    // anna completes the check
    expect((await post(`${check}/complete`, anna, { variables: { documentsComplete: true, fee: 120 } })).status).toBe(204);
    const approve = await api.taskKey(TENANT, instance, 'approve');
    const completedEvent = await api.owner.query(`SELECT payload FROM instance_event WHERE tenant_id = $1 AND type = 'UserTaskCompleted' AND payload ->> 'key' = $2`, [TENANT, check]);
    expect(completedEvent.rows[0].payload).toEqual(expect.objectContaining({ completedBy: 'anna', variables: { documentsComplete: true, fee: 120 } }));

    // the approval must not be done by anna (four-eyes on 'check')
    expect((await post(`${approve}/claim`, anna)).status).toBe(204);
    before = await api.fingerprint();
    const sameEyes = await post(`${approve}/complete`, anna, { variables: { decision: 'approved' } });
    expect(sameEyes.status).toBe(403);
    expect(sameEyes.body).toEqual(
      expect.objectContaining({
        type: 'urn:laufweg:problem:four-eyes',
        elementId: 'approve',
        errors: [{ rule: 'four-eyes', elementId: 'check', message: `User task ${check} ('check') was completed by you.` }],
      }),
    );
    expect(await api.fingerprint()).toEqual(before);
    // the engine enforces the rule itself (from the state the runtime stored), also for a client that bypasses the API
    const direct = await api.runtime.completeUserTask(TENANT, approve, { decision: 'approved' }, 'anna');
    expect(direct).toEqual({ rejected: true, reason: `Four-eyes rule: 'approve' must be completed by someone other than who completed 'check' (user task ${check}) in this process instance; anna completed it.` });
    expect(await api.fingerprint()).toEqual(before);

    // anna gives it back, ben takes it and completes it
    expect((await post(`${approve}/unclaim`, anna)).status).toBe(204);
    expect((await post(`${approve}/claim`, ben)).status).toBe(204);
    expect((await post(`${approve}/complete`, ben, { variables: { decision: 'approved', fileNumber: 'AZ 42' } })).status).toBe(204);
    const state = await api.owner.query('SELECT element_id FROM element_instance WHERE tenant_id = $1 AND process_instance_key = $2 AND key <> $2', [TENANT, instance]);
    expect(state.rows).toEqual([{ element_id: 'awaitFee' }]);
  });

  it('lets the team see all tasks, assign to members and unclaim for others', async () => {
    const instance = await api.start(TENANT, 'building-permit', { applicant: 'Max', area: 90 });
    const check = await api.taskKey(TENANT, instance, 'check');
    const all = await api.http.get(`${BASE}/user-tasks?processInstanceKey=${instance}&variables=area:lt:100`).set(team);
    expect(all.body.items.map((item: { key: string }) => item.key)).toEqual([check]);
    expect((await api.http.get(`${BASE}/user-tasks?processInstanceKey=${instance}&variables=area:gt:100`).set(team)).body.items).toEqual([]);

    expect((await post(`${check}/assign`, team, { assignee: 'ben' })).status).toBe(204);
    expect((await api.http.get(`${BASE}/user-tasks?mine=true`).set(ben)).body.items.map((item: { key: string }) => item.key)).toContain(check);
    const before = await api.fingerprint();
    const stranger = await post(`${check}/assign`, team, { assignee: 'nobody' });
    expect([stranger.status, stranger.body.type]).toEqual([422, 'urn:laufweg:problem:assignee-not-member']);
    expect((await post(`${check}/assign`, anna, { assignee: 'anna' })).status).toBe(403);
    expect(await api.fingerprint()).toEqual(before);
    expect((await post(`${check}/unclaim`, team)).status).toBe(204);
    expect((await api.owner.query('SELECT assignee FROM user_task WHERE key = $1', [check])).rows).toEqual([{ assignee: null }]);
  });

  it('answers bad input and other tenants\' keys with problems and changes nothing', async () => {
    const instance = await api.start(TENANT, 'building-permit', {});
    const check = await api.taskKey(TENANT, instance, 'check');
    await post(`${check}/claim`, anna);
    const before = await api.fingerprint();
    const cases: [Promise<{ status: number; body: { type?: string } }>, number][] = [
      [api.http.post(`${BASE}/user-tasks/${check}/complete`).set(anna).set('content-type', 'application/json').send('{"variables": '), 400],
      [post(`${check}/complete`, anna, { variables: { documentsComplete: true }, completedBy: 'ben' }), 400],
      [post(`${check}/complete`, anna, { variables: [true] }), 400],
      [post(`${check}/complete`, anna, { variables: { remarks: 'x'.repeat(200_000) } }), 413],
      [post(`${check}/assign`, team, { assignee: 42 }), 400],
      [post(`${check}/assign`, team, {}), 400],
      [api.http.get(`${BASE}/user-tasks?mine=yes`).set(anna), 400],
      [post(`${check}/complete`, outsider, { variables: {} }), 404],
      [api.http.post(`/api/v1/tenants/${OTHER}/user-tasks/${check}/claim`).set(outsider), 404],
      [api.http.get(`/api/v1/tenants/${OTHER}/user-tasks/${check}`).set(outsider), 404],
      [post('123/claim', anna), 404],
      [post('abc/claim', anna), 404],
      [post(`${check}/complete`, team, { variables: {} }), 403],
    ];
    for (const [response, status] of cases) {
      const answer = await response;
      expect([answer.status, answer.body.type?.startsWith('urn:laufweg:problem:')]).toEqual([status, true]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });
});

import { ApiTestApp, fixture } from '../testing/api-test-app';

const TENANT = '14511000';
const OTHER = '14612000';
const BASE = `/api/v1/tenants/${TENANT}`;
type Headers = { authorization: string };

describe('process instances over HTTP', () => {
  let api: ApiTestApp;
  let team: Headers;
  let caseworker: Headers;
  let definitions: Record<string, string>;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    caseworker = await api.user('carla', ['caseworker'], { [TENANT]: ['bauamt'] });
    definitions = await api.deploy(TENANT, 'building-permit.bpmn', ['check-application.form', 'approve-permit.form']);
  });
  afterAll(async () => api.close());

  async function startOverHttp(variables: Record<string, unknown>, businessKey?: string): Promise<string> {
    const response = await api.http.post(`${BASE}/process-definitions/building-permit/start`).set(caseworker).send({ variables, ...(businessKey ? { businessKey } : {}) });
    expect(response.status).toBe(201);
    return response.body.processInstanceKey as string;
  }

  it('starts instances and finds them by status, business key, variables, time and incidents', async () => {
    const erika = await startOverHttp({ applicant: 'Erika Mustermann', plotNumber: '123/4', area: 450 }, 'BG-1');
    const max = await startOverHttp({ applicant: 'Max Muster', plotNumber: '77/1', area: 90 }, 'BG-2');
    const search = async (query: string): Promise<string[]> => {
      const response = await api.http.get(`${BASE}/process-instances?${query}`).set(team);
      expect(response.status).toBe(200);
      return (response.body.items as { key: string }[]).map((item) => item.key);
    };
    expect(await search('businessKey=BG-1')).toEqual([erika]);
    expect(await search('status=active&processId=building-permit&sortBy=key&sortOrder=asc')).toEqual([erika, max]);
    expect(await search('variables=applicant:eq:"Max Muster"')).toEqual([max]);
    expect(await search('variables=area:gt:100&variables=applicant:like:muster')).toEqual([erika]);
    expect(await search(`startedAfter=${new Date(Date.now() - 60_000).toISOString()}&sortOrder=asc&sortBy=key`)).toEqual([erika, max]);
    expect(await search(`startedBefore=${new Date(Date.now() - 60_000).toISOString()}`)).toEqual([]);
    expect(await search('withIncidents=true')).toEqual([]);
    const page = await api.http.get(`${BASE}/process-instances?limit=1&offset=1&sortBy=key&sortOrder=asc&status=active`).set(team);
    expect(page.body).toEqual(expect.objectContaining({ total: 2, limit: 1, offset: 1, items: [expect.objectContaining({ key: max, businessKey: 'BG-2', status: 'active', version: 1, incidents: 0 })] }));
    await api.runtime.cancelInstance(TENANT, max);
    await api.runtime.cancelInstance(TENANT, erika);
  });

  it('shows one instance with its active elements and variables, and its history page by page', async () => {
    const key = await startOverHttp({ applicant: 'Erika Mustermann' });
    const detail = await api.http.get(`${BASE}/process-instances/${key}`).set(team);
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual(
      expect.objectContaining({
        key,
        processDefinitionKey: definitions['building-permit'],
        status: 'active',
        elementInstances: [expect.objectContaining({ elementId: 'check', elementType: 'userTask', state: 'activated', flowScopeKey: key })],
        variables: [{ scopeKey: key, name: 'applicant', value: 'Erika Mustermann' }],
        openIncidents: [],
      }),
    );
    const first = await api.http.get(`${BASE}/process-instances/${key}/history?limit=3`).set(team);
    expect(first.body.items.map((entry: { type: string }) => entry.type)).toEqual(['ElementActivating', 'VariableSet', 'ElementActivated']);
    expect(first.body.items[0]).toEqual(expect.objectContaining({ position: 1, elementId: 'building-permit' }));
    const rest = await api.http.get(`${BASE}/process-instances/${key}/history?afterPosition=${first.body.nextPosition}`).set(team);
    expect(rest.body.nextPosition).toBeNull();
    expect(rest.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'UserTaskCreated', elementId: 'check' })]));
  });

  it('cancels, and a second cancel is a 409 that changes nothing', async () => {
    const key = await startOverHttp({});
    expect((await api.http.post(`${BASE}/process-instances/${key}/cancel`).set(team)).status).toBe(204);
    expect((await api.http.get(`${BASE}/process-instances/${key}`).set(team)).body.status).toBe('terminated');
    const before = await api.fingerprint();
    const again = await api.http.post(`${BASE}/process-instances/${key}/cancel`).set(team);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:command-rejected', detail: `No active root process instance ${key}.` }));
    expect(await api.fingerprint()).toEqual(before);
  });

  it('modifies an instance: terminates the check and activates the approval', async () => {
    const key = await startOverHttp({});
    const detail = await api.http.get(`${BASE}/process-instances/${key}`).set(team);
    const check = detail.body.elementInstances[0].key as string;
    const modified = await api.http.post(`${BASE}/process-instances/${key}/modify`).set(team).send({ terminate: [check], activate: [{ elementId: 'approve', variables: { reason: 'Nachbearbeitung' } }] });
    expect(modified.status).toBe(204);
    const after = await api.http.get(`${BASE}/process-instances/${key}`).set(team);
    expect(after.body.elementInstances.map((element: { elementId: string }) => element.elementId)).toEqual(['approve']);

    const before = await api.fingerprint();
    const unknown = await api.http.post(`${BASE}/process-instances/${key}/modify`).set(team).send({ activate: [{ elementId: 'nowhere' }] });
    expect(unknown.status).toBe(409);
    expect(unknown.body.detail).toBe("'nowhere' is not an element of 'building-permit'.");
    expect(await api.fingerprint()).toEqual(before);
    await api.runtime.cancelInstance(TENANT, key);
  });

  it('migrates after validating every instance, and refuses a mapping that does not fit without changing anything', async () => {
    const first = await startOverHttp({ applicant: 'A' });
    const second = await startOverHttp({ applicant: 'B' });
    const v2 = await api.runtime.deploy({ tenantId: TENANT, resourceName: 'building-permit.bpmn', content: fixture('building-permit.bpmn').replace(/"check"/g, '"review"') });
    if (!v2.ok) throw new Error('v2 does not deploy');
    const target = v2.value.processes[0].processDefinitionKey;

    const before = await api.fingerprint();
    const refused = await api.http.post(`${BASE}/process-instances/migrate`).set(team).send({ targetProcessDefinitionKey: target, mappingInstructions: [], processInstanceKeys: [first, second] });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:laufweg:problem:migration-invalid');
    expect(refused.body.errors).toEqual([
      { field: 'processInstanceKeys[0]', elementId: 'check', rule: 'migration-mapping', message: `${first}: Active element 'check' has no mapping to the target version.` },
      { field: 'processInstanceKeys[1]', elementId: 'check', rule: 'migration-mapping', message: `${second}: Active element 'check' has no mapping to the target version.` },
    ]);
    const foreign = await api.http.post(`${BASE}/process-instances/migrate`).set(team).send({ targetProcessDefinitionKey: target, mappingInstructions: [], processInstanceKeys: [first, '999999'] });
    expect(foreign.status).toBe(404);
    expect(await api.fingerprint()).toEqual(before);

    const migrated = await api.http
      .post(`${BASE}/process-instances/migrate`)
      .set(team)
      .send({ targetProcessDefinitionKey: target, mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'review' }], processInstanceKeys: [first, second], batchSize: 1 });
    expect(migrated.status).toBe(200);
    expect(migrated.body).toEqual({ migrated: [first, second], failed: [] });
    const detail = await api.http.get(`${BASE}/process-instances/${first}`).set(team);
    expect(detail.body).toEqual(expect.objectContaining({ processDefinitionKey: target, version: 2, elementInstances: [expect.objectContaining({ elementId: 'review' })] }));
    const task = await api.owner.query('SELECT element_id FROM user_task WHERE tenant_id = $1 AND process_instance_key = $2', [TENANT, first]);
    expect(task.rows).toEqual([{ element_id: 'review' }]);
  });

  it('answers bad input, foreign keys and wrong roles with problems and changes nothing', async () => {
    const key = await startOverHttp({});
    const stranger = await api.user('olga', ['team'], { [OTHER]: [] });
    const before = await api.fingerprint();
    const cases: [Promise<{ status: number; body: { type?: string } }>, number][] = [
      [api.http.post(`${BASE}/process-definitions/building-permit/start`).set(caseworker).set('content-type', 'application/json').send('{"variables": {'), 400],
      [api.http.post(`${BASE}/process-definitions/building-permit/start`).set(caseworker).send({ variables: {}, priority: 1 }), 400],
      [api.http.post(`${BASE}/process-definitions/building-permit/start`).set(caseworker).send({ variables: 'x' }), 400],
      [api.http.post(`${BASE}/process-definitions/building-permit/start`).set(caseworker).send({ variables: { blob: 'x'.repeat(200_000) } }), 413],
      [api.http.post(`${BASE}/process-definitions/nothing/start`).set(caseworker).send({}), 404],
      [api.http.post(`/api/v1/tenants/${OTHER}/process-definitions/building-permit/start`).set(caseworker).send({}), 404],
      [api.http.get(`${BASE}/process-instances?variables=nonsense`).set(team), 400],
      [api.http.get(`${BASE}/process-instances?limit=1000`).set(team), 400],
      [api.http.get(`${BASE}/process-instances?withIncidents=maybe`).set(team), 400],
      [api.http.get(`${BASE}/process-instances/${key}`).set(caseworker), 403],
      [api.http.get(`/api/v1/tenants/${OTHER}/process-instances/${key}`).set(stranger), 404],
      [api.http.post(`/api/v1/tenants/${OTHER}/process-instances/${key}/cancel`).set(stranger), 404],
      [api.http.post(`${BASE}/process-instances/${key}/cancel`).set(stranger), 404],
      [api.http.post(`${BASE}/process-instances/abc/cancel`).set(team), 404],
      [api.http.post(`${BASE}/process-instances/${key}/modify`).set(team).send({ terminate: ['x'] }), 400],
      [api.http.post(`${BASE}/process-instances/migrate`).set(team).send({ targetProcessDefinitionKey: '1', mappingInstructions: [], processInstanceKeys: [key] }), 404],
    ];
    for (const [response, status] of cases) {
      const answer = await response;
      expect([answer.status, answer.body.type?.startsWith('urn:laufweg:problem:')]).toEqual([status, true]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });
});

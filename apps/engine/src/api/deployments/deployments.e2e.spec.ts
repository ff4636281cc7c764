import { createHash } from 'node:crypto';
import { ApiTestApp, fixture } from '../testing/api-test-app';

const TENANT = '14511000';
const OTHER = '14612000';
const BASE = `/api/v1/tenants/${TENANT}`;

/** A decision table as a route deploys it beside its BPMN (called by no task here). */
const FEES_DMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="permit-fees" name="Gebühren" namespace="https://laufweg.example/dmn">
  <decision id="permit-fee" name="Gebühr">
    <decisionTable id="permit-fee-table" hitPolicy="FIRST">
      <input id="in-area" label="Fläche"><inputExpression id="in-area-expr" typeRef="number"><text>area</text></inputExpression></input>
      <output id="out-fee" name="fee" typeRef="number" />
      <rule id="small"><inputEntry id="small-area"><text>&lt; 100</text></inputEntry><outputEntry id="small-fee"><text>municipality.fees.small</text></outputEntry></rule>
      <rule id="large"><inputEntry id="large-area"><text>-</text></inputEntry><outputEntry id="large-fee"><text>250</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>
`;
const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

describe('deployments and process definitions over HTTP', () => {
  let api: ApiTestApp;
  let designer: { authorization: string };
  let team: { authorization: string };
  let caseworker: { authorization: string };

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    designer = await api.user('dana', ['designer'], { [TENANT]: [] });
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    caseworker = await api.user('carla', ['caseworker'], { [TENANT]: ['bauamt'] });
  });
  afterAll(async () => api.close());

  it('deploys a BPMN with its forms as multipart, lists it and serves its XML', async () => {
    // when a designer uploads the route with its two forms
    const response = await api.http
      .post(`${BASE}/deployments`)
      .set(designer)
      .attach('files', Buffer.from(fixture('building-permit.bpmn')), 'building-permit.bpmn')
      .attach('files', Buffer.from(fixture('check-application.form')), 'check-application.form')
      .attach('files', Buffer.from(fixture('approve-permit.form')), 'approve-permit.form');

    // then version 1 is deployed with both forms stored verbatim
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      deploymentKey: expect.stringMatching(/^\d+$/),
      duplicate: false,
      processes: [{ processId: 'building-permit', processDefinitionKey: expect.stringMatching(/^\d+$/), version: 1 }],
      resources: [
        { name: 'check-application.form', kind: 'form', resourceId: 'check-application' },
        { name: 'approve-permit.form', kind: 'form', resourceId: 'approve-permit' },
      ],
      warnings: expect.any(Array),
    });
    const stored = await api.owner.query('SELECT name, kind, content FROM deployment_resource WHERE tenant_id = $1 ORDER BY name', [TENANT]);
    expect(stored.rows).toEqual([
      { name: 'approve-permit.form', kind: 'form', content: fixture('approve-permit.form') },
      { name: 'check-application.form', kind: 'form', content: fixture('check-application.form') },
    ]);

    // and the same files again change nothing
    const again = await api.http
      .post(`${BASE}/deployments`)
      .set(designer)
      .attach('files', Buffer.from(fixture('building-permit.bpmn')), 'building-permit.bpmn')
      .attach('files', Buffer.from(fixture('check-application.form')), 'check-application.form')
      .attach('files', Buffer.from(fixture('approve-permit.form')), 'approve-permit.form');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(expect.objectContaining({ duplicate: true, deploymentKey: response.body.deploymentKey }));

    const list = await api.http.get(`${BASE}/deployments`).set(team);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [expect.objectContaining({ deploymentKey: response.body.deploymentKey, resourceName: 'building-permit.bpmn', createdBy: 'dana', processes: response.body.processes })],
      total: 1,
      limit: 50,
      offset: 0,
    });

    const key = response.body.processes[0].processDefinitionKey as string;
    const xml = await api.http.get(`${BASE}/process-definitions/${key}/xml`).set(designer);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.text).toBe(fixture('building-permit.bpmn'));
  });

  it('deploys as JSON and lists the latest version per process id or every version', async () => {
    const changed = fixture('building-permit.bpmn').replace('name="Baugenehmigung"', 'name="Baugenehmigung (neu)"');
    const response = await api.http.post(`${BASE}/deployments`).set(designer).send({ resourceName: 'building-permit.bpmn', content: changed });
    expect(response.status).toBe(201);
    expect(response.body.processes).toEqual([expect.objectContaining({ processId: 'building-permit', version: 2 })]);

    const latest = await api.http.get(`${BASE}/process-definitions`).set(caseworker);
    expect(latest.body.items).toEqual([expect.objectContaining({ processId: 'building-permit', version: 2, name: 'Baugenehmigung (neu)' })]);
    const all = await api.http.get(`${BASE}/process-definitions?allVersions=true&processId=building-permit`).set(team);
    expect(all.body.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    expect(all.body.total).toBe(2);
  });

  it('serves the forms, decisions and values of a deployment, and the same files deploy again as a no-op', async () => {
    // given a route deployed as JSON with its files in folders, as a route bundle names them
    const files = [
      { name: 'forms/check-application.form', content: fixture('check-application.form') },
      { name: 'forms/approve-permit.form', content: fixture('approve-permit.form') },
      { name: 'decisions/permit-fees.dmn', content: FEES_DMN },
      { name: `tenants/${TENANT}.values.json`, content: JSON.stringify({ municipality: { name: 'Plauen', fees: { small: 80 } } }) },
    ];
    const bpmn = fixture('building-permit.bpmn').replace('name="Baugenehmigung"', 'name="Baugenehmigung (mit Gebühren)"');
    const deployed = await api.http.post(`${BASE}/deployments`).set(designer).send({ resourceName: 'building-permit.bpmn', content: bpmn, resources: files });
    expect(deployed.status).toBe(201);
    const deploymentKey = deployed.body.deploymentKey as string;

    // when the team lists its resources
    const list = await api.http.get(`${BASE}/deployments/${deploymentKey}/resources`).set(team);

    // then every file is listed by name with kind, id, checksum, media type and size, without content
    expect(list.status).toBe(200);
    const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(list.body).toEqual({
      deploymentKey,
      resourceName: 'building-permit.bpmn',
      items: byName.map((file) => ({
        name: file.name,
        kind: file.name.endsWith('.form') ? 'form' : file.name.endsWith('.dmn') ? 'dmn' : 'values',
        resourceId: file.name.endsWith('.form') ? (JSON.parse(file.content) as { id: string }).id : file.name.endsWith('.dmn') ? 'permit-fees' : null,
        checksum: sha256(file.content),
        mediaType: file.name.endsWith('.dmn') ? 'application/xml' : 'application/json',
        size: Buffer.byteLength(file.content),
      })),
    });

    // and each content is served verbatim with its media type, named by a query parameter
    const read = [];
    for (const file of files) {
      const response = await api.http.get(`${BASE}/deployments/${deploymentKey}/resources/content`).query({ name: file.name }).set(designer).buffer(true).parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
      expect([file.name, response.status, response.headers['content-type'], response.headers['etag']]).toEqual([
        file.name,
        200,
        `${file.name.endsWith('.dmn') ? 'application/xml' : 'application/json'}; charset=utf-8`,
        `"${sha256(file.content)}"`,
      ]);
      expect(response.body).toBe(file.content);
      read.push({ name: file.name, content: response.body as string });
    }

    // when the designer deploys what she read back with the same BPMN
    const again = await api.http.post(`${BASE}/deployments`).set(designer).send({ resourceName: 'building-permit.bpmn', content: bpmn, resources: read });

    // then nothing changed: the latest deployment has exactly these files
    expect(again.status).toBe(200);
    expect(again.body).toEqual(expect.objectContaining({ duplicate: true, deploymentKey }));
  });

  it('answers unknown deployments and resources, foreign tenants and missing roles with problems', async () => {
    const [{ key }] = (await api.owner.query<{ key: string }>(`SELECT deployment_key AS key FROM deployment_resource WHERE tenant_id = $1 AND kind = 'values'`, [TENANT])).rows;
    const stranger = await api.user('otto', ['designer', 'team'], { [OTHER]: [] });
    const content = (tenant: string, deploymentKey: string, query: Record<string, string> = { name: `tenants/${TENANT}.values.json` }) =>
      api.http.get(`/api/v1/tenants/${tenant}/deployments/${deploymentKey}/resources/content`).query(query);
    const answers = {
      'unknown name': await content(TENANT, key, { name: 'forms/nowhere.form' }).set(designer),
      'unknown deployment': await content(TENANT, '999999999').set(designer),
      'no key': await content(TENANT, 'abc').set(designer),
      'list of unknown deployment': await api.http.get(`${BASE}/deployments/999999999/resources`).set(team),
      'foreign tenant': await content(TENANT, key).set(stranger),
      'foreign list': await api.http.get(`${BASE}/deployments/${key}/resources`).set(stranger),
      'key through own tenant': await content(OTHER, key).set(stranger),
      'list through own tenant': await api.http.get(`/api/v1/tenants/${OTHER}/deployments/${key}/resources`).set(stranger),
      'no name': await content(TENANT, key, {}).set(designer),
      caseworker: await content(TENANT, key).set(caseworker),
      'caseworker list': await api.http.get(`${BASE}/deployments/${key}/resources`).set(caseworker),
      'no token': await content(TENANT, key),
    };
    const problems = Object.fromEntries(
      Object.entries(answers).map(([name, response]) => [name, [response.status, String(response.headers['content-type']).split(';')[0], (response.body as { type?: string }).type]]),
    );
    const problem = (status: number, slug: string) => [status, 'application/problem+json', `urn:laufweg:problem:${slug}`];
    expect(problems).toEqual({
      'unknown name': problem(404, 'deployment-resource-not-found'),
      'unknown deployment': problem(404, 'deployment-not-found'),
      'no key': problem(404, 'deployment-not-found'),
      'list of unknown deployment': problem(404, 'deployment-not-found'),
      'foreign tenant': problem(404, 'tenant-not-found'),
      'foreign list': problem(404, 'tenant-not-found'),
      'key through own tenant': problem(404, 'deployment-not-found'),
      'list through own tenant': problem(404, 'deployment-not-found'),
      'no name': problem(400, 'bad-request'),
      caseworker: problem(403, 'forbidden'),
      'caseworker list': problem(403, 'forbidden'),
      'no token': problem(401, 'unauthorized'),
    });
    expect(JSON.stringify(answers['key through own tenant'].body)).not.toContain('Plauen');
  });

  it('refuses an invalid model with every problem and stores nothing', async () => {
    const before = await api.fingerprint();
    const broken = fixture('building-permit.bpmn').replace('<bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="approve" />', '<bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="nowhere" />');
    const response = await api.http
      .post(`${BASE}/deployments`)
      .set(designer)
      .attach('files', Buffer.from(broken), 'building-permit.bpmn')
      .attach('files', Buffer.from('{"components": []}'), 'broken.form');
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.type).toBe('urn:laufweg:problem:invalid-deployment');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { rule: 'form-id-missing', field: 'broken.form', message: expect.any(String) },
        expect.objectContaining({ elementId: expect.any(String), rule: expect.any(String) }),
      ]),
    );
    expect(await api.fingerprint()).toEqual(before);
  });

  it('refuses BPMN with a DOCTYPE with the parser rule, as multipart and as JSON', async () => {
    const before = await api.fingerprint();
    const evil = fixture('building-permit.bpmn').replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    for (const response of [
      await api.http.post(`${BASE}/deployments`).set(designer).attach('files', Buffer.from(evil), 'evil.bpmn'),
      await api.http.post(`${BASE}/deployments`).set(designer).send({ resourceName: 'evil.bpmn', content: evil }),
    ]) {
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ rule: 'xml-doctype-forbidden' })]);
    }
    expect(await api.fingerprint()).toEqual(before);
  });

  it('answers bad requests with problems and changes nothing', async () => {
    const before = await api.fingerprint();
    const post = () => api.http.post(`${BASE}/deployments`).set(designer);
    const malformed = await post().set('content-type', 'application/json').send('{"resourceName": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const unknownField = await post().send({ resourceName: 'a.bpmn', content: '<x/>', version: 3 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.detail).toContain('property version should not exist');
    const wrongType = await post().send({ resourceName: 'a.bpmn', content: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.detail).toContain('content must be a string');
    const oversized = await post().send({ resourceName: 'a.bpmn', content: 'x'.repeat(2 * 1024 * 1024) });
    expect(oversized.status).toBe(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');
    const tooLargeFile = await post().attach('files', Buffer.alloc(10 * 1024 * 1024 + 1, 'x'), 'huge.bpmn');
    expect(tooLargeFile.status).toBe(413);
    const text = await post().set('content-type', 'text/xml').send('<definitions/>');
    expect(text.status).toBe(415);
    const noBpmn = await post().attach('files', Buffer.from(fixture('check-application.form')), 'check-application.form');
    expect(noBpmn.status).toBe(422);
    expect(noBpmn.body.errors).toEqual([expect.objectContaining({ rule: 'deployment-bpmn-count' })]);
    expect(await api.fingerprint()).toEqual(before);
  });

  it('keeps tenants apart and checks roles', async () => {
    const before = await api.fingerprint();
    const stranger = await api.user('olga', ['designer', 'team'], { [OTHER]: [] });
    const foreign = await api.http.post(`${BASE}/deployments`).set(stranger).send({ resourceName: 'building-permit.bpmn', content: fixture('building-permit.bpmn') });
    expect(foreign.status).toBe(404);
    expect(foreign.body.type).toBe('urn:laufweg:problem:tenant-not-found');
    expect((await api.http.get(`/api/v1/tenants/nowhere/deployments`).set(designer)).status).toBe(404);
    const [{ key }] = (await api.owner.query<{ key: string }>('SELECT key FROM process_definition WHERE tenant_id = $1 LIMIT 1', [TENANT])).rows;
    expect((await api.http.get(`/api/v1/tenants/${OTHER}/process-definitions/${key}/xml`).set(stranger)).status).toBe(404);
    expect((await api.http.get(`${BASE}/process-definitions/abc/xml`).set(designer)).status).toBe(404);
    const wrongRole = await api.http.post(`${BASE}/deployments`).set(caseworker).send({ resourceName: 'building-permit.bpmn', content: fixture('building-permit.bpmn') });
    expect(wrongRole.status).toBe(403);
    expect((await api.http.get(`${BASE}/deployments`)).status).toBe(401);
    expect(await api.fingerprint()).toEqual(before);
  });

  it('lists every tenant API route in the OpenAPI document, each with bearer authentication', async () => {
    const document = (await api.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const tenantPaths = [
      'deployments',
      'deployments/{deploymentKey}/resources',
      'deployments/{deploymentKey}/resources/content',
      'process-definitions',
      'process-definitions/{key}/xml',
      'process-definitions/{processId}/start',
      'process-instances',
      'process-instances/{key}',
      'process-instances/{key}/history',
      'process-instances/{key}/cancel',
      'process-instances/{key}/modify',
      'process-instances/migrate',
      'user-tasks',
      'user-tasks/{key}',
      'user-tasks/{key}/claim',
      'user-tasks/{key}/unclaim',
      'user-tasks/{key}/assign',
      'user-tasks/{key}/complete',
      'messages',
      'signals',
      'incidents',
      'incidents/{key}/resolve',
    ].map((path) => `/api/v1/tenants/{tenantId}/${path}`);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(tenantPaths));
    for (const path of tenantPaths) {
      for (const operation of Object.values(document.paths[path])) expect(operation.security).toEqual([{ bearer: [] }]);
    }
  });
});

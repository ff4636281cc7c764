import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiTestApp, fixture } from '../testing/api-test-app';

/**
 * The municipality's values deployed through POST …/deployments (what the modeler sends) for a
 * process that is a route of the catalog (PROCESSES_DIR, here the fixture route `bescheinigung`
 * beside this test, whose values schema asks for `fees.certificate` as a number) are checked as
 * POST …/routes/{id}/deploy checks them: against municipality.schema.json and the route's values
 * schema. Values of a process that is no route keep the plain check (a JSON object).
 */
const PROCESSES = join(__dirname, 'fixtures', 'processes');
const TENANT = 'plauen';
const BASE = `/api/v1/tenants/${TENANT}`;
const VALUES_FILE = `tenants/${TENANT}.values.json`;
const ROUTE_BPMN = readFileSync(join(PROCESSES, 'bescheinigung', 'bescheinigung.bpmn'), 'utf8');
const GOOD_VALUES = { name: 'Stadt Plauen', land: 'SN', services: ['urn:de:fim:leika:leistung:test-bescheinigung'], fees: { certificate: 12.5 } };

describe('values of a route deployed through the deployments API', () => {
  let api: ApiTestApp;
  let designer: { authorization: string };

  beforeAll(async () => {
    api = await ApiTestApp.start({ PROCESSES_DIR: PROCESSES });
    await api.tenant(TENANT);
    designer = await api.user('dana', ['designer'], { [TENANT]: [] });
  });
  afterAll(async () => api.close());

  const deploy = (resourceName: string, content: string, municipality: unknown) =>
    api.http
      .post(`${BASE}/deployments`)
      .set(designer)
      .send({ resourceName, content, resources: [{ name: VALUES_FILE, content: JSON.stringify({ municipality }) }] });

  it('refuses values that violate the route values schema with every violation and its JSON pointer, and stores nothing', async () => {
    // given values with the fee as a string and without the Land
    const { land: _land, ...withoutLand } = GOOD_VALUES;
    const before = await api.fingerprint();

    // when the modeler deploys the route's BPMN with them
    const response = await deploy('bescheinigung.bpmn', ROUTE_BPMN, { ...withoutLand, fees: { certificate: '12,50 €' } });

    // then 422 invalid-deployment names both violations by file and pointer
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({
        type: 'urn:laufweg:problem:invalid-deployment',
        detail: 'The deployment has 2 problems; nothing was stored.',
        errors: expect.arrayContaining([
          { rule: 'route-values', field: `${VALUES_FILE}#/municipality`, message: expect.stringContaining("/municipality must have required property 'land'") },
          { rule: 'route-values', field: `${VALUES_FILE}#/municipality/fees/certificate`, message: expect.stringContaining('/municipality/fees/certificate must be number') },
        ]),
      }),
    );
    expect((response.body as { errors: { message: string }[] }).errors.every((entry) => entry.message.includes("route 'bescheinigung'"))).toBe(true);
    // and nothing was stored
    expect(await api.fingerprint()).toEqual(before);
  });

  it('refuses a service the route does not handle, at its index', async () => {
    const response = await deploy('bescheinigung.bpmn', ROUTE_BPMN, { ...GOOD_VALUES, services: ['urn:de:fim:leika:leistung:anderes'] });

    expect(response.status).toBe(422);
    expect((response.body as { errors: unknown[] }).errors).toEqual([
      { rule: 'route-values', field: `${VALUES_FILE}#/municipality/services/0`, message: expect.stringContaining("'urn:de:fim:leika:leistung:anderes' is no service of route 'bescheinigung'") },
    ]);
  });

  it('deploys the route with values that meet both schemas, and stores them verbatim', async () => {
    // when the values meet the municipality schema and the route's values schema
    const response = await deploy('bescheinigung.bpmn', ROUTE_BPMN, GOOD_VALUES);

    // then version 1 is deployed with the values
    expect(response.status).toBe(201);
    expect(response.body).toEqual(expect.objectContaining({ duplicate: false, processes: [expect.objectContaining({ processId: 'bescheinigung', version: 1 })], resources: [{ name: VALUES_FILE, kind: 'values', resourceId: null }] }));
    const stored = await api.owner.query<{ content: string }>(`SELECT content FROM deployment_resource WHERE tenant_id = $1 AND kind = 'values'`, [TENANT]);
    expect(stored.rows.map((row) => JSON.parse(row.content) as unknown)).toEqual([{ municipality: GOOD_VALUES }]);
  });

  it('keeps the plain JSON check for a process that is no route of the catalog', async () => {
    // when values no route schema would accept go with a process outside the catalog
    const response = await deploy('building-permit.bpmn', fixture('building-permit.bpmn'), { fees: { small: 'achtzig' } });

    // then it deploys as before
    expect(response.status).toBe(201);
    expect(response.body).toEqual(expect.objectContaining({ processes: [expect.objectContaining({ processId: 'building-permit', version: 1 })] }));
  });
});

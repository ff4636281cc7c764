import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDecisionTests } from './decision-tests';
import { loadRouteCatalog } from './load-route-catalog';
import { routeDeployments } from './route-deployments';
import { checkApplication } from './check-application';
import { submissionStartVariables } from './submission-start-variables';
import { loadTenantValues } from './tenant-values';

const FIXTURES = join(__dirname, 'fixtures', 'processes');

function demoBundle() {
  const catalog = loadRouteCatalog(FIXTURES);
  expect(catalog.problems).toEqual([]);
  const bundle = catalog.bundles.find((candidate) => candidate.id === 'demo-fee');
  if (!bundle) throw new Error('fixture bundle missing');
  return bundle;
}

describe('route catalog', () => {
  it('reads a bundle with its shared processes, forms, decisions, examples and municipalities', () => {
    const bundle = demoBundle();
    expect(bundle).toMatchObject({ process: 'demo-fee', startMessage: 'ApplicationReceived.demo-fee', tenants: ['broken', 'plauen', 'zwickau'] });
    expect(bundle.shared.map((file) => file.name)).toEqual(['shared/shared-demo-review.bpmn']);
    expect(bundle.sharedForms.map((file) => file.name)).toEqual(['shared/forms/review.form']);
    expect(bundle.decisions.map((file) => file.name)).toEqual(['decisions/fee.dmn']);
    expect(bundle.decisionTests.map((file) => file.name)).toEqual(['decisions/fee.tests.yaml']);
    expect(bundle.scenarios.map((file) => file.name)).toEqual(['scenarios/plauen-two-copies.yaml']);
    expect(bundle.examples).toEqual([expect.objectContaining({ name: 'two-copies', service: 'urn:de:fim:leika:leistung:demo-bescheinigung' })]);
  });

  it('reports a broken manifest with the file and the JSON path, and keeps the good bundles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laufweg-routes-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true, dereference: true });
      cpSync(join(dir, 'demo-fee'), join(dir, 'kaputt'), { recursive: true });
      writeFileSync(join(dir, 'kaputt', 'route.yaml'), 'id: kaputt\nname: Kaputt\nprocess: kaputt\nstartMessage: x\nservices: [{ id: "urn:falsch", name: X, schema: s.json }]\n');
      const catalog = loadRouteCatalog(dir);
      expect(catalog.bundles.map((bundle) => bundle.id)).toEqual(['demo-fee']);
      expect(catalog.problems).toEqual([expect.stringMatching(/kaputt\/route\.yaml: \/services\/0\/id must match pattern/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('municipal values', () => {
  it('accepts values that meet the municipality and the route schema', () => {
    const values = loadTenantValues(demoBundle(), 'plauen');
    expect(values).toMatchObject({ ok: true, values: { name: 'Stadt Plauen', fees: { certificate: 12.5 } } });
  });

  it('names every problem with its JSON path', () => {
    const values = loadTenantValues(demoBundle(), 'broken');
    expect(values.ok).toBe(false);
    const problems = values.ok ? [] : values.problems.join('\n');
    expect(problems).toContain('/land must be equal to one of the allowed values');
    expect(problems).toContain('/office/postalCode must match pattern');
    expect(problems).toContain('/signatories must NOT have fewer than 1 items');
    expect(problems).toContain("/fees must have required property 'certificate'");
  });

  it('refuses a municipality without values and a name that is no tenant', () => {
    expect(loadTenantValues(demoBundle(), 'leipzig')).toMatchObject({ ok: false, problems: [expect.stringContaining('municipalities of route \'demo-fee\': broken, plauen, zwickau')] });
    expect(loadTenantValues(demoBundle(), '../etc')).toMatchObject({ ok: false });
  });
});

describe('deployments of a route for a municipality', () => {
  it('deploys the shared processes without values, then the route with forms, decisions and the values as constants', () => {
    const result = routeDeployments(demoBundle(), 'zwickau');
    if (!result.ok) throw new Error(result.problems.join('; '));
    const [shared, main] = result.deployments;
    expect(shared).toMatchObject({ resourceName: 'shared/shared-demo-review.bpmn', resources: [{ name: 'shared/forms/review.form', kind: 'form', resourceId: 'demo-review' }] });
    expect(main.resourceName).toBe('demo-fee.bpmn');
    expect(main.resources.map((resource) => [resource.name, resource.kind])).toEqual([
      ['decisions/fee.dmn', 'dmn'],
      ['tenants/zwickau.values.json', 'values'],
    ]);
    const values = JSON.parse(main.resources[1].content) as { municipality: { fees: { certificate: number } } };
    expect(values.municipality.fees.certificate).toBe(10);
  });

  it('deploys nothing for a municipality whose values are invalid', () => {
    expect(routeDeployments(demoBundle(), 'broken').ok).toBe(false);
  });
});

describe('applications and start variables', () => {
  it('checks application data against the service schema, with JSON pointers', () => {
    const schema = demoBundle().services[0].schema;
    expect(checkApplication(schema, { copies: 2, applicant: { familyName: 'Müller' } })).toEqual({ ok: true });
    const checked = checkApplication(schema, { copies: 0, applicant: {}, email: 'kein-mail' });
    expect(checked.ok ? [] : checked.problems.map((problem) => problem.pointer).sort()).toEqual(['/applicant/familyName', '/copies', '/email']);
  });

  it('checks formats, and a changed schema under the same $id validates with its new content', () => {
    const first = { $id: 'https://laufweg.example/test/changing.schema.json', type: 'object', properties: { birthDate: { type: 'string', format: 'date' } } };
    expect(checkApplication(first, { birthDate: '1990-13-45' })).toMatchObject({ ok: false, problems: [{ pointer: '/birthDate' }] });
    expect(checkApplication(first, { birthDate: '1990-05-17' })).toEqual({ ok: true });
    const changed = { ...first, required: ['birthDate'] };
    expect(checkApplication(changed, {})).toMatchObject({ ok: false, problems: [{ pointer: '/birthDate' }] });
  });

  it('gives a route the application and the submission facts, never attachment content', () => {
    const variables = submissionStartVariables({
      application: { copies: 1 },
      submission: { submissionId: 's-1', caseId: 'c-1', serviceId: 'urn:x', serviceName: 'X', receivedAt: '2026-03-02T08:00:00.123Z', attachments: [{ id: 'a1', name: 'a.pdf', mediaType: 'application/pdf', size: 3 }] },
    });
    expect(variables).toEqual({
      application: { copies: 1 },
      submission: { submissionId: 's-1', caseId: 'c-1', serviceId: 'urn:x', serviceName: 'X', receivedAt: '2026-03-02T08:00:00Z', attachments: [{ id: 'a1', name: 'a.pdf', mediaType: 'application/pdf', size: 3 }] },
    });
  });
});

describe('DMN rule tests', () => {
  it('passes cases with the municipality values and reports rules no case reaches', async () => {
    const bundle = demoBundle();
    const report = await runDecisionTests(bundle);
    expect(report.problems).toEqual([]);
    expect(report.cases.map((result) => [result.name, result.passed])).toEqual([
      ['one copy', true],
      ['three copies', true],
    ]);
    expect(report.uncoveredRules).toEqual([]);

    const partial = await runDecisionTests({ ...bundle, decisionTests: [{ name: 'decisions/fee.tests.yaml', content: 'decision: demo-fee\ntenant: zwickau\ncases:\n  - { name: one, input: { copies: 1 }, output: 12.5 }\n' }] });
    expect(partial.cases).toEqual([expect.objectContaining({ passed: false, message: 'expected 12.5, got 10' })]);
    expect(partial.uncoveredRules).toEqual(['demo-fee#rule-more (rule 2)']);
  });
});

import { loadBpmnModel, type ExecutableDefinitions } from '@laufweg/bpmn-model';
import { join } from 'node:path';
import { checkApplication } from './lib/check-application';
import { runDecisionTests } from './lib/decision-tests';
import { loadRouteCatalog } from './lib/load-route-catalog';
import type { RouteBundle } from './lib/route-bundle';
import { routeDeployments } from './lib/route-deployments';
import { loadTenantValues } from './lib/tenant-values';

/**
 * The municipal routes of processes/ as they ship: every bundle loads, every municipality's
 * values are valid, every example is a valid application, every user task has its form, every
 * DMN rule is reached by a test case, and every route deploys for each of its municipalities.
 * (Their scenarios run with `npm run scenarios`; end to end on PostgreSQL in apps/engine.)
 */
const PROCESSES = join(__dirname, '..', '..', '..', 'processes');
const catalog = loadRouteCatalog(PROCESSES);
const ROUTES = ['bewohnerparkausweis', 'gewerbeanzeige', 'hundesteuer', 'urkunden'];

async function compiled(name: string, xml: string): Promise<ExecutableDefinitions> {
  const loaded = await loadBpmnModel(xml);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((problem) => `${problem.elementId ?? ''} ${problem.message}`).join('; ')}`);
  return loaded.value.executable;
}

describe('the municipal routes in processes/', () => {
  it('are all there and load without problems', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.bundles.map((bundle) => bundle.id)).toEqual(ROUTES);
  });

  describe.each(catalog.bundles.map((bundle): [string, RouteBundle] => [bundle.id, bundle]))('%s', (_id, bundle) => {
    it('has values for Plauen and a second Saxon municipality, valid against the schemas', () => {
      expect(bundle.tenants).toContain('plauen');
      expect(bundle.tenants.length).toBeGreaterThanOrEqual(2);
      for (const tenant of bundle.tenants) {
        const values = loadTenantValues(bundle, tenant);
        expect(values.ok ? [] : values.problems).toEqual([]);
        expect(values.ok && values.values['land']).toBe('SN');
      }
    });

    it('has a valid example application for each of its services', () => {
      expect(bundle.examples.length).toBeGreaterThan(0);
      for (const service of bundle.services) expect(bundle.examples.some((example) => example.service === service.id)).toBe(true);
      for (const example of bundle.examples) {
        const service = bundle.services.find((candidate) => candidate.id === example.service);
        const checked = service ? checkApplication(service.schema, example.data) : { ok: false, problems: [{ pointer: '', message: 'no service' }] };
        expect({ example: example.name, problems: checked.ok ? [] : checked.problems }).toEqual({ example: example.name, problems: [] });
      }
    });

    it('compiles, with a deployed form for every user task, and shows caseworkers the application (caseSummary)', async () => {
      const formIds = new Set([...bundle.forms, ...bundle.sharedForms].map((file) => (JSON.parse(file.content) as { id: string }).id));
      for (const file of [bundle.bpmn, ...bundle.shared]) {
        const definitions = await compiled(file.name, file.content);
        for (const process of Object.values(definitions.processes)) {
          const hasUserTask = Object.values(process.elements).some((element) => element.type === 'userTask');
          if (hasUserTask) expect({ process: process.id, caseSummary: process.scope.properties['caseSummary'] }).toEqual({ process: process.id, caseSummary: expect.stringContaining('application') });
          for (const element of Object.values(process.elements)) {
            if (element.type !== 'userTask') continue;
            expect({ element: element.id, formId: element.userTask?.formId, deployed: formIds.has(element.userTask?.formId ?? '') }).toEqual({ element: element.id, formId: expect.any(String), deployed: true });
          }
        }
      }
    });

    it('passes its DMN rule tests, and every rule is reached by a case', async () => {
      const report = await runDecisionTests(bundle);
      expect(report.problems).toEqual([]);
      expect(report.cases.filter((result) => !result.passed)).toEqual([]);
      expect(report.uncoveredRules).toEqual([]);
      if (bundle.decisions.length > 0) expect(report.cases.length).toBeGreaterThan(0);
    });

    it('deploys for each of its municipalities', () => {
      for (const tenant of bundle.tenants) {
        const deployments = routeDeployments(bundle, tenant);
        expect(deployments.ok ? [] : deployments.problems).toEqual([]);
      }
    });
  });
});

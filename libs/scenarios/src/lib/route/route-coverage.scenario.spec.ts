import { join } from 'node:path';
import { ENGINE_FIXTURES, givenRoute } from '../testing/given-scenario';
import { runScenarioFiles } from '../run/run-scenario-suite';
import type { ScenarioResult } from '../run/scenario-result';
import { routeCoverage } from './route-coverage';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const example = (name: string): string => join(EXAMPLES, `${name}.yaml`);

describe('route coverage', () => {
  it('given only the automatic-fee scenario, when coverage is computed, then the review branch is reported as never taken', async () => {
    const { routes } = await runScenarioFiles([example('order-auto-fee')]);
    expect(routes).toEqual([
      {
        route: 'order-basics',
        bpmnFile: join(ENGINE_FIXTURES, 'order-basics.bpmn'),
        scenarios: 1,
        processes: ['order'],
        nodes: { total: 8, covered: 7, percent: 87.5, missing: ['review'] },
        flows: { total: 8, covered: 6, percent: 75, missing: ['toManual', 'f4'] },
      },
    ]);
  });

  it('given the three order scenarios, when coverage is computed, then every flow node and sequence flow is covered', async () => {
    const { routes } = await runScenarioFiles(['order-auto-fee', 'order-manual-review', 'order-check-outage'].map(example));
    expect(routes.map((route) => [route.route, route.nodes.percent, route.flows.percent, route.nodes.missing, route.flows.missing])).toEqual([['order-basics', 100, 100, [], []]]);
  });

  it('given a route file with four processes, when its scenarios start one, then only that process counts', async () => {
    const { routes } = await runScenarioFiles([example('documents-deadline-expired')]);
    expect(routes[0]).toMatchObject({ processes: ['waiting'], nodes: { total: 12, covered: 4 }, flows: { total: 8, covered: 2, percent: 25, missing: ['w2', 'w3', 'w4', 'w5', 'w6', 'w6b'] } });
  });

  it('given coverage that is almost full, then the percentage is rounded down so that only full coverage shows 100', async () => {
    const route = await givenRoute(join(ENGINE_FIXTURES, 'events.bpmn'));
    const result = { process: 'waiting', path: ['start', 'waitDocs'], flowsTaken: ['w1', 'w2'] } as Partial<ScenarioResult> as ScenarioResult;
    const coverage = routeCoverage(route, [result]);
    expect(coverage.nodes).toMatchObject({ total: 12, covered: 2, percent: 16.6 });
    expect(coverage.flows).toMatchObject({ total: 8, covered: 2, percent: 25 });
  });
});

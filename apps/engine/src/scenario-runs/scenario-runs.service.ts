import { Inject, Injectable, Optional } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { compileRoute, compileRouteBundle, parseScenario, routeCoverage, runScenario, type LoadedScenario, type ScenarioProblem } from '@laufweg/scenarios';
import { Pool } from 'pg';
import { recordNotFound, unprocessable } from '../api/shared/api-problems';
import { RouteCatalogReader } from '../routes/route-catalog';
import { createPostgresScenarioEngine } from './postgres-scenario-engine';
import type { RunScenarioDto, ScenarioRunResultDto } from './scenario-run.dto';

/** Owner connection for dropping sandboxes completely (absent: the application role cleans what it may). */
export const SANDBOX_OWNER_POOL = Symbol('SANDBOX_OWNER_POOL');

const SCENARIO_FILE = 'scenario.yaml';

/**
 * Runs one scenario on a deployed route or a draft, on the durable runtime in a throwaway
 * sandbox tenant: the caller's tenant only supplies the route's XML (and decisions) and is never
 * written. A municipal route of processes/ (its id is the process id or the scenario's `route`)
 * runs as `npm run scenarios` runs it: with its shared call activities, its decisions and the
 * values of the scenario's municipality, started by `submission` as the intake starts it.
 */
@Injectable()
export class ScenarioRunsService {
  constructor(
    private readonly pool: Pool,
    private readonly catalog: RouteCatalogReader,
    @Optional() @Inject(SANDBOX_OWNER_POOL) private readonly ownerPool?: Pool,
  ) {}

  async run(body: RunScenarioDto): Promise<ScenarioRunResultDto> {
    if ((body.processId === undefined) === (body.bpmnXml === undefined)) {
      throw unprocessable('scenario-run-invalid', 'Invalid scenario run', 'Give either processId (a deployed route) or bpmnXml (a draft), not both or neither.', [
        { field: body.processId === undefined ? 'processId' : 'bpmnXml', message: 'exactly one of processId and bpmnXml' },
      ]);
    }
    const file = body.scenarioFile ?? SCENARIO_FILE;
    const parsed = parseScenario(body.scenario, file);
    if (!parsed.ok) throw invalidScenario(parsed.problems);
    const { definition, locate } = parsed;
    if (definition.applicationFile !== undefined) throw invalidScenario([locate(['applicationFile'], 'files are not available over the API: give the application inline')]);

    const deployed = body.bpmnXml === undefined ? await this.latestDeployment(body.tenantId, body.processId ?? '') : undefined;
    const xml = body.bpmnXml ?? deployed?.xml ?? '';
    const name = body.processId ?? definition.route;
    const bundle = this.catalog.find(name);
    const bpmnFile = `${name}.bpmn`;
    const compiled = bundle ? await compileRouteBundle(bundle, xml, bpmnFile, deployed?.dmn.length ? deployed.dmn : undefined) : await compileRoute(name, bpmnFile, xml);
    if (!compiled.ok) {
      throw unprocessable('route-invalid', 'Route does not compile', 'The BPMN does not compile; nothing ran.', compiled.problems.map((message) => ({ field: 'bpmnXml', message })));
    }
    const route = { name, bpmnFile: compiled.route.bpmnFile, ...(bundle ? { bundleDir: bundle.dir } : {}) };
    const scenario: LoadedScenario = { file, definition, route, application: definition.application ?? {}, locate };
    const engine = createPostgresScenarioEngine(this.pool, this.ownerPool ? { ownerPool: this.ownerPool } : {});
    const result = await runScenario(scenario, compiled.route, { engine });
    const shared = new Set((compiled.route.called ?? []).flatMap((document) => Object.keys(document.definitions.processes)));
    const coverage = routeCoverage(compiled.route, [result], shared);
    return {
      passed: result.passed,
      path: [...result.path],
      visits: { ...result.visits },
      flowsTaken: [...result.flowsTaken],
      coverage: { nodes: { ...coverage.nodes, missing: [...coverage.nodes.missing] }, flows: { ...coverage.flows, missing: [...coverage.flows.missing] } },
      failures: [...result.failures],
      produced: { ...result.produced },
      notes: [...result.notes],
    };
  }

  /** The XML and the DMN documents of the latest version of a deployed process of the tenant. */
  private async latestDeployment(tenantId: string, processId: string): Promise<{ xml: string; dmn: string[] }> {
    const found = await withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ content: string; deployment_key: string }>(
        `SELECT d.content, d.key AS deployment_key FROM process_definition p JOIN deployment d ON d.tenant_id = p.tenant_id AND d.key = p.deployment_key
          WHERE p.tenant_id = $1 AND p.process_id = $2 ORDER BY p.version DESC LIMIT 1`,
        [tenantId, processId],
      );
      if (rows[0] === undefined) return undefined;
      const dmn = await client.query<{ content: string }>(`SELECT content FROM deployment_resource WHERE tenant_id = $1 AND deployment_key = $2 AND kind = 'dmn' ORDER BY name`, [tenantId, rows[0].deployment_key]);
      return { xml: rows[0].content, dmn: dmn.rows.map((row) => row.content) };
    });
    if (found === undefined) throw recordNotFound('process-definition', processId);
    return found;
  }
}

function invalidScenario(problems: readonly ScenarioProblem[]): Error {
  return unprocessable(
    'scenario-invalid',
    'Invalid scenario',
    `The scenario has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing ran.`,
    problems.map((problem) => ({ field: problem.path, message: problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}` })),
  );
}

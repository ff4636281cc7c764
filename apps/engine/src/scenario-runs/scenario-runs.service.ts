import { Inject, Injectable, Optional } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { compileRoute, parseScenario, routeCoverage, runScenario, type LoadedScenario, type ScenarioProblem } from '@laufweg/scenarios';
import { Pool } from 'pg';
import { recordNotFound, unprocessable } from '../api/shared/api-problems';
import { createPostgresScenarioEngine } from './postgres-scenario-engine';
import type { RunScenarioDto, ScenarioRunResultDto } from './scenario-run.dto';

/** Owner connection for dropping sandboxes completely (absent: the application role cleans what it may). */
export const SANDBOX_OWNER_POOL = Symbol('SANDBOX_OWNER_POOL');

const SCENARIO_FILE = 'scenario.yaml';

/**
 * Runs one scenario on a deployed route or a draft, on the durable runtime in a throwaway
 * sandbox tenant: the caller's tenant only supplies the route's XML and is never written.
 */
@Injectable()
export class ScenarioRunsService {
  constructor(
    private readonly pool: Pool,
    @Optional() @Inject(SANDBOX_OWNER_POOL) private readonly ownerPool?: Pool,
  ) {}

  async run(body: RunScenarioDto): Promise<ScenarioRunResultDto> {
    if ((body.processId === undefined) === (body.bpmnXml === undefined)) {
      throw unprocessable('scenario-run-invalid', 'Invalid scenario run', 'Give either processId (a deployed route) or bpmnXml (a draft), not both or neither.', [
        { field: body.processId === undefined ? 'processId' : 'bpmnXml', message: 'exactly one of processId and bpmnXml' },
      ]);
    }
    const parsed = parseScenario(body.scenario, SCENARIO_FILE);
    if (!parsed.ok) throw invalidScenario(parsed.problems);
    const { definition, locate } = parsed;
    if (definition.applicationFile !== undefined) throw invalidScenario([locate(['applicationFile'], 'files are not available over the API: give the application inline')]);

    const xml = body.bpmnXml ?? (await this.latestXml(body.tenantId, body.processId ?? ''));
    const name = body.processId ?? definition.route;
    const compiled = await compileRoute(name, `${name}.bpmn`, xml);
    if (!compiled.ok) {
      throw unprocessable('route-invalid', 'Route does not compile', 'The BPMN does not compile; nothing ran.', compiled.problems.map((message) => ({ field: 'bpmnXml', message })));
    }
    const scenario: LoadedScenario = { file: SCENARIO_FILE, definition, route: { name, bpmnFile: compiled.route.bpmnFile }, application: definition.application ?? {}, locate };
    const engine = createPostgresScenarioEngine(this.pool, this.ownerPool ? { ownerPool: this.ownerPool } : {});
    const result = await runScenario(scenario, compiled.route, { engine });
    const coverage = routeCoverage(compiled.route, [result]);
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

  /** The XML of the latest version of a deployed process of the tenant. */
  private async latestXml(tenantId: string, processId: string): Promise<string> {
    const content = await withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ content: string }>(
        `SELECT d.content FROM process_definition p JOIN deployment d ON d.tenant_id = p.tenant_id AND d.key = p.deployment_key
          WHERE p.tenant_id = $1 AND p.process_id = $2 ORDER BY p.version DESC LIMIT 1`,
        [tenantId, processId],
      );
      return rows[0]?.content;
    });
    if (content === undefined) throw recordNotFound('process-definition', processId);
    return content;
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

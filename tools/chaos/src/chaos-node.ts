import { Pool } from 'pg';
import { EngineRuntime, JobAcquisition, JobExecutor } from '@laufweg/persistence';

/**
 * One engine process of a chaos run: the real runtime and job executor on the shared database,
 * with a handler for `chaos.step` that records each execution before completing, so the driver
 * can count executions beyond one. Runs until it is killed.
 */
const appUrl = process.env['CHAOS_APP_URL'];
const node = process.env['CHAOS_NODE'] ?? `node-${process.pid}`;
if (!appUrl) throw new Error('CHAOS_APP_URL is not set; this process is started by `npm run chaos`.');

const pool = new Pool({ connectionString: appUrl, max: 6 });
pool.on('error', () => undefined);
const clock = { now: () => Date.now() };
const runtime = new EngineRuntime(pool, clock);
const executor = new JobExecutor(runtime, new JobAcquisition(pool, clock), {
  workerId: `${node}-${process.pid}`,
  pollIntervalMs: 50,
  maxPollIntervalMs: 200,
  batchSize: 16,
  // Short locks, so the jobs of a killed process are taken over within seconds.
  lockDurationMs: 3000,
  concurrency: 8,
  logger: { debug: () => undefined, warn: (message: string, details?: unknown) => process.stderr.write(`${message} ${JSON.stringify(details ?? {})}\n`), error: (message: string, details?: unknown) => process.stderr.write(`${message} ${JSON.stringify(details ?? {})}\n`) },
});
executor.register('chaos.step', async (job) => {
  await pool.query('INSERT INTO chaos_execution (job_key, element_id, node) VALUES ($1, $2, $3)', [job.key, job.elementId, node]);
  // Work takes a little time, so kills land in the middle of it too.
  await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  return {};
});
executor.start();

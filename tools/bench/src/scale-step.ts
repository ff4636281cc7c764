import { Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { adminQuery } from '../../shared/src/throwaway-database';
import { startInstance } from './our-route-step';
import type { QueryCounter } from './query-counter';
import { settledMemory } from './resource-sampler';
import { GROUPS, USERS } from './routes';
import { BENCH_TENANT, RuntimeHarness } from './runtime-harness';
import { summarize, type LatencySummary } from './stats';

/** RSS and heap after a forced collection, with this many user tasks waiting (the warm-up's included). */
export interface MemoryCheckpoint {
  readonly waiting: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export interface ScaleRun {
  readonly waiting: number;
  readonly concurrency: number;
  readonly createSeconds: number;
  readonly createPerSec: number;
  readonly checkpoints: readonly MemoryCheckpoint[];
  /** RSS with all instances waiting minus RSS before the first was started. */
  readonly rssGrowthMb: number;
  readonly heapGrowthMb: number;
  readonly gcForced: boolean;
  readonly taskListMs: LatencySummary;
  /** Rows the sampled task-list queries matched before LIMIT 50, on average. */
  readonly taskListMatchedRows: number;
  readonly businessKeyMs: LatencySummary;
  /** EXPLAIN ANALYZE of one task-list query. */
  readonly taskListPlan: readonly string[];
}

export const TASK_LIST_SQL = `SELECT key, element_id, process_instance_key, assignee, candidate_groups, due_at, created_at
  FROM user_task WHERE tenant_id = $1 AND (assignee = $2 OR candidate_groups && $3) ORDER BY created_at LIMIT 50`;
export const BUSINESS_KEY_SQL = `SELECT key, process_id, status, started_at FROM process_instance WHERE tenant_id = $1 AND business_key = $2`;

/**
 * Starts `waiting` instances of route B (each then waits at its user task) with `concurrency`
 * drivers, taking the process's memory after a forced GC at 0, 25, 50, 75 and 100 %. Then runs
 * the task-list query and the business-key search `samples` times each on one connection.
 */
export async function runScale(
  database: { appUrl: string; tenantScopedUrl: string; ownerUrl: string },
  counter: QueryCounter,
  options: { waiting: number; concurrency: number; samples: number },
  log: (line: string) => void,
): Promise<ScaleRun> {
  const { waiting, concurrency, samples } = options;
  const harness = new RuntimeHarness(database.appUrl, concurrency, counter);
  harness.tracker.keepDurations = false;
  const checkpoints: MemoryCheckpoint[] = [];
  let gcForced = false;
  const checkpoint = (count: number): void => {
    const memory = settledMemory();
    gcForced = memory.gcForced;
    checkpoints.push({ waiting: count, rssMb: memory.rssMb, heapUsedMb: memory.heapUsedMb });
  };
  let createMs: number;
  try {
    // Warm-up before the baseline, so it is not JIT and pool growth that is measured.
    await Promise.all(Array.from({ length: concurrency }, (_, index) => startInstance(harness, 'B', waiting + index)));
    checkpoint(concurrency);
    const began = performance.now();
    let next = 0;
    const quarter = Math.ceil(waiting / 4);
    let nextMark = quarter;
    // Drivers run in rounds up to each quarter mark, where the memory is taken.
    while (nextMark <= waiting) {
      const target = nextMark;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < target) await startInstance(harness, 'B', next++);
      }));
      log(`scale: ${next.toLocaleString('en-US')}/${waiting.toLocaleString('en-US')} user tasks waiting (${Math.round(next / ((performance.now() - began) / 1000))} starts/s)`);
      checkpoint(next + concurrency);
      nextMark = nextMark === waiting ? waiting + 1 : Math.min(nextMark + quarter, waiting);
    }
    createMs = performance.now() - began;
  } finally {
    await harness.close();
  }
  // Statistics as autovacuum would have them a minute later; the bulk load outran it.
  await adminQuery(database.ownerUrl, 'ANALYZE user_task, process_instance');
  const queries = await sampleQueries(database.tenantScopedUrl, waiting, samples);
  const first = checkpoints[0];
  const last = checkpoints[checkpoints.length - 1];
  return {
    waiting,
    concurrency,
    createSeconds: createMs / 1000,
    createPerSec: waiting / (createMs / 1000),
    checkpoints,
    rssGrowthMb: last.rssMb - first.rssMb,
    heapGrowthMb: last.heapUsedMb - first.heapUsedMb,
    gcForced,
    ...queries,
  };
}

/**
 * Runs the queries as a request would: as the application role on a connection that sees only
 * the bench tenant, so row-level security's policy is part of every plan.
 */
async function sampleQueries(tenantScopedUrl: string, waiting: number, samples: number): Promise<Pick<ScaleRun, 'taskListMs' | 'taskListMatchedRows' | 'businessKeyMs' | 'taskListPlan'>> {
  const pool = new Pool({ connectionString: tenantScopedUrl, max: 1, application_name: 'laufweg-bench-queries' });
  try {
    await pool.query(`SELECT set_config('laufweg.tenants', $1, false)`, [BENCH_TENANT]);
    const pick = (n: number): number => Math.floor(Math.random() * n);
    const taskListParams = (): [string, string, string[]] => [BENCH_TENANT, `user-${pick(USERS)}`, [`group-${pick(GROUPS)}`, `group-${pick(GROUPS)}`]];
    const timed = async (sql: string, params: unknown[]): Promise<number> => {
      const began = performance.now();
      await pool.query(sql, params);
      return performance.now() - began;
    };
    for (let index = 0; index < 20; index++) await timed(TASK_LIST_SQL, taskListParams());
    const taskList: number[] = [];
    const businessKey: number[] = [];
    for (let index = 0; index < samples; index++) {
      taskList.push(await timed(TASK_LIST_SQL, taskListParams()));
      businessKey.push(await timed(BUSINESS_KEY_SQL, [BENCH_TENANT, `B-${pick(waiting)}`]));
    }
    const [tenant, user, groups] = taskListParams();
    const matched = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM user_task WHERE tenant_id = $1 AND (assignee = $2 OR candidate_groups && $3)`, [tenant, user, groups]);
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${TASK_LIST_SQL}`, [tenant, user, groups]);
    return {
      taskListMs: summarize(taskList),
      taskListMatchedRows: Number(matched.rows[0].n),
      businessKeyMs: summarize(businessKey),
      taskListPlan: plan.rows.map((row) => row['QUERY PLAN']),
    };
  } finally {
    await pool.end();
  }
}

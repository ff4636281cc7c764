import type { Pool } from 'pg';

/** What a chaos run found. Lost, duplicate completions and double timers must all be 0. */
export interface ChaosReport {
  readonly instances: number;
  readonly nodes: number;
  readonly kills: number;
  readonly started: number;
  readonly completed: number;
  /** Started but not completed when the run ended. */
  readonly lost: number;
  /** Steps completed more than once (a job completed twice, an element instance completed twice). */
  readonly duplicateCompletions: number;
  readonly timersFiredTwice: number;
  /** Handler runs beyond one per job: allowed by at-least-once execution, but counted. */
  readonly extraHandlerExecutions: number;
  readonly incidents: number;
  /** Every instance tree equals the replay of its event log. */
  readonly replayVerified: boolean;
  readonly durationMs: number;
}

export type ChaosCounts = Omit<ChaosReport, 'instances' | 'nodes' | 'kills' | 'started' | 'durationMs' | 'replayVerified'>;

/** Reads the outcome from the database: instance headers, the event logs and the handler log. */
export async function countOutcome(pool: Pool, tenantId: string, started: number): Promise<ChaosCounts> {
  const one = async (sql: string): Promise<number> => Number((await pool.query<{ n: string }>(sql, [tenantId])).rows[0].n ?? 0);
  const completed = await one(`SELECT count(*) AS n FROM process_instance WHERE tenant_id = $1 AND status = 'completed'`);
  const duplicateJobs = await one(
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM instance_event WHERE tenant_id = $1 AND type = 'JobCompleted' GROUP BY payload ->> 'key') t`,
  );
  const duplicateElements = await one(
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM instance_event WHERE tenant_id = $1 AND type = 'ElementCompleted' GROUP BY payload ->> 'key') t`,
  );
  const timersFiredTwice = await one(
    `SELECT count(*) AS n FROM (SELECT 1 FROM instance_event WHERE tenant_id = $1 AND type = 'TimerTriggered' GROUP BY payload ->> 'key' HAVING count(*) > 1) t`,
  );
  const extraHandlerExecutions = Number(
    (await pool.query<{ n: string }>(`SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM chaos_execution GROUP BY job_key) t`)).rows[0].n,
  );
  const incidents = await one(`SELECT count(*) AS n FROM incident WHERE tenant_id = $1`);
  return {
    completed,
    lost: started - completed,
    duplicateCompletions: duplicateJobs + duplicateElements,
    timersFiredTwice,
    extraHandlerExecutions,
    incidents,
  };
}

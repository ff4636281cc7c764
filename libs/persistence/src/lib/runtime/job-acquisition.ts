import type { Clock, JobRecord } from '@laufweg/bpmn-engine';
import type { Pool } from 'pg';

/** A job handed to a worker: what it must do, and until when no one else will get it. */
export interface AcquiredJob {
  readonly tenantId: string;
  readonly key: string;
  readonly rootKey: string | null;
  readonly kind: 'job' | 'timer';
  readonly type: string;
  readonly retries: number;
  readonly lockExpiresAt: Date;
  readonly record: JobRecord;
}

export interface AcquireRequest {
  readonly kind: 'job' | 'timer';
  /** Job types the worker handles; ignored for timers. */
  readonly types?: readonly string[];
  readonly worker: string;
  readonly maxJobs: number;
  readonly lockDurationMs: number;
  /** Only jobs of these tenants (an external worker's memberships); unset: every tenant (the engine's own executor). */
  readonly tenantIds?: readonly string[];
}

/**
 * Hands out due jobs to one worker. `FOR UPDATE SKIP LOCKED` lets any number of engine processes
 * acquire at once without waiting for or taking each other's rows; a lock that expired (its
 * worker died) makes the job available again. Acquisition is at least once: completion and
 * timer triggering are idempotent commands.
 */
export class JobAcquisition {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async acquire(request: AcquireRequest): Promise<AcquiredJob[]> {
    if (request.kind === 'job' && (!request.types || request.types.length === 0)) return [];
    const now = new Date(this.clock.now());
    const { rows } = await this.pool.query<{
      tenant_id: string;
      key: string;
      root_key: string | null;
      kind: 'job' | 'timer';
      type: string;
      retries: number;
      lock_expires_at: Date;
      record: JobRecord;
    }>(
      `WITH candidates AS (
         SELECT tenant_id, key FROM job
          WHERE kind = $1 AND state = 'activatable' AND due_at <= $2
            AND ($3::text[] IS NULL OR type = ANY($3::text[]))
            AND ($7::text[] IS NULL OR tenant_id = ANY($7::text[]))
            AND (lock_expires_at IS NULL OR lock_expires_at <= $2)
          ORDER BY due_at, key
          LIMIT $4
          FOR UPDATE SKIP LOCKED)
       UPDATE job j SET lock_owner = $5, lock_expires_at = $2::timestamptz + make_interval(secs => $6::double precision / 1000)
         FROM candidates c
        WHERE j.tenant_id = c.tenant_id AND j.key = c.key
       RETURNING j.tenant_id, j.key, j.root_key, j.kind, j.type, j.retries, j.lock_expires_at, j.record`,
      [request.kind, now, request.kind === 'job' ? request.types : null, request.maxJobs, request.worker, request.lockDurationMs, request.tenantIds ?? null],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      key: row.key,
      rootKey: row.root_key,
      kind: row.kind,
      type: row.type,
      retries: row.retries,
      lockExpiresAt: row.lock_expires_at,
      record: row.record,
    }));
  }

  /** Extends the lock of a job the worker still holds; false when it lost the lock. */
  async extendLock(tenantId: string, key: string, worker: string, lockDurationMs: number): Promise<boolean> {
    const now = new Date(this.clock.now());
    const result = await this.pool.query(
      `UPDATE job SET lock_expires_at = $4::timestamptz + make_interval(secs => $5::double precision / 1000)
        WHERE tenant_id = $1 AND key = $2 AND lock_owner = $3 AND lock_expires_at > $4`,
      [tenantId, key, worker, now, lockDurationMs],
    );
    return result.rowCount === 1;
  }
}

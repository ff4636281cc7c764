import { visibleVariables, type EngineState, type JobRecord } from '@laufweg/bpmn-engine';
import type { JsonObject } from '@laufweg/bpmn-model';
import type { AcquiredJob } from './job-acquisition';
import type { RowChange } from './state-diff';
import type { CommandWrite } from './state-writer';

/** A job locked to a worker by the command that made it available, with the variables it sees. */
export interface PushedJob extends AcquiredJob {
  readonly variables: JsonObject;
}

/** Where a lock on a pushed job is written: the worker's id and how long it holds the job. */
export interface JobPushLock {
  readonly owner: string;
  readonly durationMs: number;
}

/**
 * A worker of this process that takes jobs as they are made (an in-process job executor).
 * `reserve` is asked while the command's transaction is open: a place it grants is either
 * filled by `deliver` after the commit or given back by `release` after a rollback.
 */
export interface JobPushTarget {
  /** A place for one job of `type`, or undefined when the worker does not handle it or is full. */
  reserve(type: string): JobPushLock | undefined;
  deliver(job: PushedJob): void;
  release(count: number): void;
}

/**
 * Job push for one transaction (Zeebe's job streaming, within one process): every job a command
 * makes available right away (created, or back after a failure without backoff) is offered to
 * the targets; a job one of them takes is written already locked to it, so no poll, acquisition
 * round trip or variable read stands between two steps of an instance. The lock is part of the
 * command's write: a rollback leaves the job unwritten, a crash after the commit leaves it locked
 * until its lock expires and another worker acquires it, as with a polled job.
 */
export class JobPushRound {
  private readonly claimed: { readonly target: JobPushTarget; readonly job: PushedJob }[] = [];
  private settled = false;

  constructor(private readonly targets: readonly JobPushTarget[]) {}

  /** The command's write with the jobs the targets take locked to them; `state` is the state after the command. */
  claim(tenantId: string, write: CommandWrite, state: EngineState): CommandWrite {
    if (this.targets.length === 0) return write;
    let changed = false;
    const changes = write.changes.map((change): RowChange => {
      if (!isAvailableJob(change, write.now)) return change;
      const record = state.jobs[change.key];
      if (!record) return change;
      for (const target of this.targets) {
        const lock = target.reserve(record.type);
        if (!lock) continue;
        const lockExpiresAt = new Date(write.now.getTime() + lock.durationMs);
        this.claimed.push({ target, job: pushedJob(tenantId, change.rootKey, record, lockExpiresAt, visibleVariables(state, record.elementInstanceKey)) });
        changed = true;
        return { ...change, values: { ...change.values, lock_owner: lock.owner, lock_expires_at: lockExpiresAt } };
      }
      return change;
    });
    return changed ? { ...write, changes } : write;
  }

  /** Keys of the jobs claimed so far. */
  get jobKeys(): readonly string[] {
    return this.claimed.map(({ job }) => job.key);
  }

  /** After the commit: hands each claimed job to its target. */
  deliver(): void {
    if (this.settled) return;
    this.settled = true;
    for (const { target, job } of this.claimed) target.deliver(job);
  }

  /** After a rollback (or a failure before the commit): gives the places back. */
  release(): void {
    if (this.settled) return;
    this.settled = true;
    const counts = new Map<JobPushTarget, number>();
    for (const { target } of this.claimed) counts.set(target, (counts.get(target) ?? 0) + 1);
    for (const [target, count] of counts) target.release(count);
  }
}

function isAvailableJob(change: RowChange, now: Date): change is Extract<RowChange, { op: 'upsert' }> {
  if (change.op !== 'upsert' || change.table !== 'job') return false;
  const { kind, state, due_at: dueAt, lock_owner: lockOwner } = change.values;
  return kind === 'job' && state === 'activatable' && lockOwner === null && dueAt instanceof Date && dueAt.getTime() <= now.getTime();
}

function pushedJob(tenantId: string, rootKey: string | null, record: JobRecord, lockExpiresAt: Date, variables: JsonObject): PushedJob {
  return { tenantId, key: record.key, rootKey, kind: 'job', type: record.type, retries: record.retries, lockExpiresAt, record, variables };
}

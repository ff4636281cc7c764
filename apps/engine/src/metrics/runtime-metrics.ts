import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AcquiredJob, CommandObservation, CommandObserver } from '@laufweg/persistence';

/**
 * The engine's Prometheus metrics: process defaults plus commands, jobs and instances. Commands
 * and instances are counted from what the CommandStore reports (it observes every command),
 * acquisitions where jobs are acquired; open incidents are counted in the database on scrape.
 * One registry per application instance, so tests can boot several.
 */
export class RuntimeMetrics implements CommandObserver {
  readonly registry = new Registry();
  private readonly logger = new Logger(RuntimeMetrics.name);
  private readonly commands = new Counter({ name: 'laufweg_commands_total', help: 'Engine commands run, by command type and outcome (accepted, rejected, error).', labelNames: ['command', 'outcome'] as const, registers: [this.registry] });
  private readonly commandDuration = new Histogram({
    name: 'laufweg_command_duration_seconds',
    help: 'Time from the start of an engine command to its commit or rollback, retries included.',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly jobsAcquired = new Counter({ name: 'laufweg_jobs_acquired_total', help: 'Jobs and timers acquired by workers and executors, by kind (job, timer).', labelNames: ['kind'] as const, registers: [this.registry] });
  private readonly jobsPushed = new Counter({
    name: 'laufweg_jobs_pushed_total',
    help: 'Jobs handed to this process’s executor by the command that made them (job push), without an acquisition.',
    registers: [this.registry],
  });
  private readonly batchRollbacks = new Counter({
    name: 'laufweg_group_commit_rollbacks_total',
    help: 'Group-commit transactions rolled back; their commands ran again one by one.',
    registers: [this.registry],
  });
  private readonly jobsCompleted = new Counter({ name: 'laufweg_jobs_completed_total', help: 'Jobs completed.', registers: [this.registry] });
  private readonly jobsFailed = new Counter({ name: 'laufweg_jobs_failed_total', help: 'Job failures reported (each failed attempt counts).', registers: [this.registry] });
  private readonly jobLag = new Histogram({
    name: 'laufweg_job_lag_seconds',
    help: 'Acquisition time minus due time, for timers and for retried jobs (a new job has no stored creation time).',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly instancesStarted = new Counter({ name: 'laufweg_instances_started_total', help: 'Root process instances started.', registers: [this.registry] });
  private readonly instancesCompleted = new Counter({ name: 'laufweg_instances_completed_total', help: 'Root process instances completed.', registers: [this.registry] });

  constructor(pool: Pick<Pool, 'query'>) {
    collectDefaultMetrics({ register: this.registry });
    const logger = this.logger;
    new Gauge({
      name: 'laufweg_incidents_open',
      help: 'Open incidents in all tenants, counted on scrape.',
      registers: [this.registry],
      async collect() {
        try {
          const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM incident');
          this.set(rows[0].n);
        } catch (error) {
          // A scrape during a database outage still reports everything else.
          logger.warn(`Counting open incidents failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  }

  commandRan(observation: CommandObservation): void {
    const { request, result, durationMs } = observation;
    const command = request.command.type;
    this.commands.inc({ command, outcome: result === undefined ? 'error' : result.rejected ? 'rejected' : 'accepted' });
    this.commandDuration.observe({ command }, durationMs / 1000);
    if (!result || result.rejected) return;
    this.instancesStarted.inc(result.createdRoots.length);
    this.jobsPushed.inc(result.pushedJobKeys?.length ?? 0);
    // A root completing in this command is one it locked or one it started.
    const roots = new Set([...(request.rootKeys ?? []), ...result.createdRoots]);
    for (const event of result.events) {
      if (event.type === 'JobCompleted') this.jobsCompleted.inc();
      else if (event.type === 'JobFailed') this.jobsFailed.inc();
      else if (event.type === 'ElementCompleted' && roots.has(event.key)) this.instancesCompleted.inc();
    }
  }

  /** A group commit failed: counted, and logged with its cause (its commands are retried alone). */
  batchRolledBack(failure: { readonly size: number; readonly error: unknown }): void {
    this.batchRollbacks.inc();
    const cause = failure.error instanceof Error ? failure.error.message : String(failure.error);
    this.logger.warn(`A group commit of ${failure.size} commands was rolled back (${cause}); its commands run again one by one.`);
  }

  /** Counts acquired jobs and, where a due time is known, how late they were taken. */
  acquired(jobs: readonly AcquiredJob[], acquiredAtMs: number): void {
    for (const job of jobs) {
      this.jobsAcquired.inc({ kind: job.kind });
      const dueAt = dueTimeOf(job);
      if (dueAt !== undefined) this.jobLag.observe({ kind: job.kind }, Math.max(0, acquiredAtMs - dueAt) / 1000);
    }
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** A timer's due date, a retried job's end of backoff; undefined for a job due since it was created. */
function dueTimeOf(job: AcquiredJob): number | undefined {
  // The job table holds timers too; their record is a TimerRecord.
  const record = job.record as { readonly retryAt?: unknown; readonly dueDate?: unknown };
  const due = job.kind === 'timer' ? record.dueDate : record.retryAt;
  return typeof due === 'number' && due > 0 ? due : undefined;
}

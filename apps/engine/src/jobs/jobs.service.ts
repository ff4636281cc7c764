import type { Caller } from '../auth/caller';
import { ConflictException, Injectable } from '@nestjs/common';
import type { JsonObject } from '@laufweg/bpmn-model';
import {
  type AcquiredJob,
  EngineRuntime,
  findJobTenant,
  InstanceNotFoundError,
  JobAcquisition,
  JobWakeup,
  readVisibleVariables,
  RecordNotFoundError,
  type RunCommandResult,
} from '@laufweg/persistence';
import type { ProblemDetails } from '../problem/problem-details';
import { problemType } from '../problem/problem-details';
import type { ActivateJobsDto, ActivatedJobDto } from './activate-jobs.dto';

/** How often a long poll looks again when nothing in this process announced new jobs. */
const LONG_POLL_CHECK_MS = 200;

/**
 * The external worker API's work: activation with long polling, and completing, failing,
 * erroring and extending jobs by key, each as one runtime command. A job that is unknown or no
 * longer active answers 409 (job-not-active).
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly acquisition: JobAcquisition,
    private readonly wakeup: JobWakeup,
  ) {}

  /**
   * Acquires up to `maxJobs` due jobs of the type; with none due, waits up to `requestTimeoutMs`,
   * looking again every 200 ms or as soon as this process creates jobs of that type. Stops
   * waiting when the client goes away (`signal`) or the service shuts down.
   */
  async activate(caller: Caller, request: ActivateJobsDto, signal: AbortSignal): Promise<ActivatedJobDto[]> {
    const deadline = performance.now() + (request.requestTimeoutMs ?? 0);
    const tenantIds = [...caller.tenants.keys()];
    if (tenantIds.length === 0) return [];
    for (;;) {
      const jobs = await this.acquisition.acquire({
        kind: 'job',
        types: [request.type],
        worker: request.worker,
        maxJobs: request.maxJobs,
        lockDurationMs: request.lockDurationMs,
        tenantIds,
      });
      if (jobs.length > 0) return Promise.all(jobs.map((job) => this.describe(job)));
      const remaining = deadline - performance.now();
      if (remaining <= 0 || signal.aborted || this.wakeup.closed) return [];
      await this.wakeup.wait(Math.min(LONG_POLL_CHECK_MS, remaining), { types: [request.type], signal });
    }
  }

  async complete(caller: Caller, key: string, variables: JsonObject = {}): Promise<void> {
    const tenantId = await this.tenantOf(caller, key);
    await this.settle(key, () => this.runtime.completeJob(tenantId, key, variables));
  }

  async fail(caller: Caller, key: string, failure: { retries: number; errorMessage?: string; retryBackoffMs?: number }): Promise<void> {
    const tenantId = await this.tenantOf(caller, key);
    await this.settle(key, () => this.runtime.failJob(tenantId, key, failure));
  }

  async throwError(caller: Caller, key: string, error: { errorCode: string; errorMessage?: string; variables?: JsonObject }): Promise<void> {
    const tenantId = await this.tenantOf(caller, key);
    await this.settle(key, () => this.runtime.throwJobError(tenantId, key, error));
  }

  async extendLock(caller: Caller, key: string, worker: string, lockDurationMs: number): Promise<void> {
    const tenantId = await this.tenantOf(caller, key);
    if (!(await this.acquisition.extendLock(tenantId, key, worker, lockDurationMs))) {
      throw new ConflictException({
        type: problemType('job-lock-lost'),
        title: 'Job lock lost',
        status: 409,
        detail: `Worker '${worker}' no longer holds the lock of job ${key}: it expired, or the job was failed or handed to another worker. Stop working on it.`,
      } satisfies ProblemDetails);
    }
  }

  private async describe(job: AcquiredJob): Promise<ActivatedJobDto> {
    const { record } = job;
    return {
      key: job.key,
      tenantId: job.tenantId,
      type: job.type,
      processInstanceKey: record.processInstanceKey,
      elementId: record.elementId,
      retries: job.retries,
      customHeaders: record.customHeaders ?? {},
      variables: await readVisibleVariables(this.runtime.pool, job.tenantId, record.elementInstanceKey),
      lockExpiresAt: job.lockExpiresAt.toISOString(),
    };
  }

  /** The job's tenant, if the caller belongs to it; another tenant's job answers as if it did not exist. */
  private async tenantOf(caller: Caller, key: string): Promise<string> {
    const tenantId = await findJobTenant(this.runtime.pool, key);
    if (tenantId === undefined || !caller.tenants.has(tenantId)) throw jobNotActive(key);
    return tenantId;
  }

  private async settle(key: string, command: () => Promise<RunCommandResult>): Promise<void> {
    let result: RunCommandResult;
    try {
      result = await command();
    } catch (error) {
      if (error instanceof RecordNotFoundError || error instanceof InstanceNotFoundError) throw jobNotActive(key);
      throw error;
    }
    if (result.rejected) throw jobNotActive(key, result.reason);
  }
}

function jobNotActive(key: string, reason?: string): ConflictException {
  return new ConflictException({
    type: problemType('job-not-active'),
    title: 'Job not active',
    status: 409,
    detail: `Job ${key} is unknown or no longer active: it was completed, its error was thrown, or its process instance ended.${reason ? ` (${reason})` : ''}`,
  } satisfies ProblemDetails);
}

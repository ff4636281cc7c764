import type { Clock } from '@laufweg/bpmn-engine';
import { type AcquiredJob, type AcquireRequest, JobAcquisition } from '@laufweg/persistence';
import type { Pool } from 'pg';
import type { RuntimeMetrics } from '../metrics/runtime-metrics';

/** JobAcquisition that reports what it hands out, for the executor and the worker API alike. */
export class MeteredJobAcquisition extends JobAcquisition {
  constructor(
    pool: Pool,
    private readonly meterClock: Clock,
    private readonly metrics: RuntimeMetrics,
  ) {
    super(pool, meterClock);
  }

  override async acquire(request: AcquireRequest): Promise<AcquiredJob[]> {
    const jobs = await super.acquire(request);
    if (jobs.length > 0) this.metrics.acquired(jobs, this.meterClock.now());
    return jobs;
  }
}

import { performance } from 'node:perf_hooks';
import { analyzeRuntimeTables, startInstance, type BenchDatabase } from './our-route-step';
import type { QueryCounter } from './query-counter';
import { ResourceSampler, type ResourceUsage } from './resource-sampler';
import type { RouteId } from './routes';
import { RuntimeHarness } from './runtime-harness';
import { summarize, type LatencySummary } from './stats';

export interface PacedRun {
  readonly route: RouteId;
  readonly targetPerSec: number;
  readonly starts: number;
  /** Starts per second actually issued (below the target when the driver fell behind). */
  readonly achievedPerSec: number;
  /** From the scheduled start time, so a stalled process counts against the latency. */
  readonly startToFirstWaitMs: LatencySummary;
  readonly resources: ResourceUsage;
}

/** The service's default JOB_CONCURRENCY: the paced run uses the runtime as it ships. */
const DEFAULT_JOB_CONCURRENCY = 8;

/**
 * Open loop: starts an instance of `routeId` every 1000/rate ms whether or not earlier starts
 * have returned, and measures each from the moment it was due until its start command committed
 * with the instance at its first wait state. Instances are left waiting (route B: at the user
 * task, as new applications wait for a caseworker), so the load is the starts alone.
 */
export async function runPaced(database: BenchDatabase, counter: QueryCounter, routeId: RouteId, ratePerSec: number, durationMs: number): Promise<PacedRun> {
  const harness = new RuntimeHarness(database.appUrl, DEFAULT_JOB_CONCURRENCY, counter);
  try {
    // Warm-up: the model cache, the pool's connections and the JIT; then current statistics.
    await Promise.all(Array.from({ length: 10 }, (_, index) => startInstance(harness, routeId, -1 - index)));
    await analyzeRuntimeTables(database);
    const sampler = new ResourceSampler();
    const intervalMs = 1000 / ratePerSec;
    const count = Math.round((durationMs / 1000) * ratePerSec);
    const toFirstWaitMs: number[] = [];
    const inFlight: Promise<void>[] = [];
    const began = performance.now();
    for (let index = 0; index < count; index++) {
      const due = began + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(startInstance(harness, routeId, index).then(() => void toFirstWaitMs.push(performance.now() - due)));
    }
    const lastIssuedMs = performance.now() - began;
    await Promise.all(inFlight);
    return {
      route: routeId,
      targetPerSec: ratePerSec,
      starts: count,
      achievedPerSec: (count - 1) / (lastIssuedMs / 1000),
      startToFirstWaitMs: summarize(toFirstWaitMs),
      resources: sampler.stop(),
    };
  } finally {
    await harness.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

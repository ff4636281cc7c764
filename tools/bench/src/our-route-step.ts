import { performance } from 'node:perf_hooks';
import { adminQuery } from '../../shared/src/throwaway-database';
import type { QueryCounter } from './query-counter';
import { ResourceSampler, type ResourceUsage } from './resource-sampler';
import { ROUTES, type RouteId } from './routes';
import { BENCH_TENANT, RuntimeHarness } from './runtime-harness';
import { summarize, type LatencySummary } from './stats';

/** One route through the durable runtime at one concurrency. */
export interface OurRouteRun {
  readonly route: RouteId;
  /** Instances in flight at once (each with at most one command running). */
  readonly concurrency: number;
  readonly instances: number;
  readonly seconds: number;
  readonly instancesPerSec: number;
  /** Engine commands per second (each CommandStore command, alone or in a group-commit batch). */
  readonly commandsPerSec: number;
  /** CommandStore transactions per second (a batch of commands is one; see CompletionTracker.transactions). */
  readonly transactionsPerSec: number;
  readonly commandsPerInstance: number;
  readonly commandsPerTransaction: number;
  /** Every query the process sent (commands, job acquisition, variable reads) per command. */
  readonly queriesPerCommand: number;
  readonly startToEndMs: LatencySummary;
  /** The start command's own latency: it commits with the instance at its first wait state. */
  readonly startToFirstWaitMs: LatencySummary;
  readonly commandMs: LatencySummary;
  readonly resources: ResourceUsage;
}

interface LoopLimit {
  readonly durationMs?: number;
  readonly maxInstances?: number;
}

/**
 * Closed loop: `concurrency` drivers each start an instance, drive it to its end (route B:
 * complete its user task at once; A and C: the JobExecutor runs the jobs) and start the next,
 * for `durationMs` after a short warm-up. The rate counts every instance that finished.
 */
export async function runOurRoute(database: BenchDatabase, counter: QueryCounter, routeId: RouteId, concurrency: number, durationMs: number): Promise<OurRouteRun> {
  const harness = new RuntimeHarness(database.appUrl, concurrency, counter);
  try {
    await closedLoop(harness, routeId, Math.min(concurrency, 10), { maxInstances: 10 });
    await analyzeRuntimeTables(database);
    harness.tracker.resetCounts();
    counter.reset();
    const sampler = new ResourceSampler();
    const run = await closedLoop(harness, routeId, concurrency, { durationMs });
    const resources = sampler.stop();
    const seconds = run.elapsedMs / 1000;
    const { commands, transactions } = harness.tracker;
    return {
      route: routeId,
      concurrency,
      instances: run.toEndMs.length,
      seconds,
      instancesPerSec: run.toEndMs.length / seconds,
      commandsPerSec: commands / seconds,
      transactionsPerSec: transactions / seconds,
      commandsPerInstance: commands / run.toEndMs.length,
      commandsPerTransaction: commands / transactions,
      queriesPerCommand: counter.queries / commands,
      startToEndMs: summarize(run.toEndMs),
      startToFirstWaitMs: summarize(run.toFirstWaitMs),
      commandMs: summarize(harness.tracker.durationsMs),
      resources,
    };
  } finally {
    await harness.close();
  }
}

/** The throwaway database: the runtime connects as the application role, statistics are gathered as the owner. */
export interface BenchDatabase {
  readonly appUrl: string;
  readonly ownerUrl: string;
}

/**
 * Brings the planner's statistics up to date, as autovacuum does on a running system. Without
 * it, the tables of a database minutes old look empty to the planner (autovacuum analyzes at
 * most once a minute) and it may look a root up by tenant instead of by key; measured steps
 * would then depend on whether autovacuum has come by yet (see docs/performance.md).
 */
export async function analyzeRuntimeTables(database: BenchDatabase): Promise<void> {
  await adminQuery(database.ownerUrl, 'ANALYZE process_instance, element_instance, job, variable, user_task, instance_record, incident, message_subscription, signal_subscription, buffered_message, instance_event, process_definition');
}

async function closedLoop(harness: RuntimeHarness, routeId: RouteId, concurrency: number, limit: LoopLimit): Promise<{ elapsedMs: number; toEndMs: number[]; toFirstWaitMs: number[] }> {
  const started = performance.now();
  const toEndMs: number[] = [];
  const toFirstWaitMs: number[] = [];
  let next = 0;
  const more = (): boolean =>
    (limit.durationMs === undefined || performance.now() - started < limit.durationMs) && (limit.maxInstances === undefined || next < limit.maxInstances);
  const driver = async (): Promise<void> => {
    while (more()) {
      const index = next++;
      const began = performance.now();
      const root = await startInstance(harness, routeId, index);
      toFirstWaitMs.push(performance.now() - began);
      await finishInstance(harness, routeId, root);
      toEndMs.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, driver));
  return { elapsedMs: performance.now() - started, toEndMs, toFirstWaitMs };
}

/** A started root instance, and its user task if it waits at one. */
export interface StartedInstance {
  readonly key: string;
  readonly userTaskKey?: string;
}

export async function startInstance(harness: RuntimeHarness, routeId: RouteId, index: number): Promise<StartedInstance> {
  const route = ROUTES[routeId];
  const result = await harness.runtime.startInstance(BENCH_TENANT, { processId: route.processId, businessKey: `${routeId}-${index}`, variables: route.variables(index) });
  if (result.rejected) throw new Error(`Starting route ${routeId} was refused: ${result.reason}`);
  const [key] = result.createdRoots;
  const task = result.events.find((event) => event.type === 'UserTaskCreated');
  return task?.type === 'UserTaskCreated' ? { key, userTaskKey: task.userTask.key } : { key };
}

/** Completes the user task if there is one (approving), then waits until the instance has ended. */
export async function finishInstance(harness: RuntimeHarness, routeId: RouteId, instance: StartedInstance): Promise<void> {
  if (instance.userTaskKey !== undefined) {
    const result = await harness.runtime.completeUserTask(BENCH_TENANT, instance.userTaskKey, { approved: true });
    if (result.rejected) throw new Error(`Completing the user task of route ${routeId} was refused: ${result.reason}`);
  }
  await harness.tracker.completion(instance.key);
}

import type { CeilingRun } from './ceiling-step';
import type { OurRouteRun } from './our-route-step';
import type { PacedRun } from './paced-step';
import type { PeerRun } from './peer-step';
import { ROUTE_IDS, type RouteId } from './routes';
import type { ScaleRun } from './scale-step';

/** Where and how the run was made. */
export interface BenchContext {
  readonly date: string;
  readonly commit: string;
  readonly quick: boolean;
  readonly machine: { readonly nproc: number; readonly memoryGb: number; readonly cpu: string; readonly node: string; readonly loadAverageAtStart: readonly number[]; loadAverageAtEnd?: readonly number[] };
  readonly database: { readonly kind: 'server' | 'embedded'; readonly version: string; readonly fsync: string; readonly synchronousCommit: string };
}

export interface BenchSteps {
  readonly ceiling: readonly CeilingRun[];
  readonly peer: readonly PeerRun[];
  readonly ours: readonly OurRouteRun[];
  readonly paced?: PacedRun;
  readonly scale?: ScaleRun;
}

export interface Target {
  readonly name: string;
  readonly target: string;
  readonly actual: number;
  /** Null when the step that measures it did not run. */
  readonly met: boolean | null;
  /** Signed distance to the target in its unit; positive means better than required. */
  readonly margin: number;
}

/** Best rate over the concurrencies measured: each engine is credited with its best setting. */
function best<T extends { route: RouteId; instancesPerSec: number }>(runs: readonly T[], route: RouteId): number {
  const rates = runs.filter((run) => run.route === route).map((run) => run.instancesPerSec).filter(Number.isFinite);
  return rates.length > 0 ? Math.max(...rates) : Number.NaN;
}

/** The headline figures and the targets, from the raw runs. */
export function summarizeRun(context: BenchContext, steps: BenchSteps): Record<string, unknown> {
  const ratio = (route: RouteId): number => best(steps.ours, route) / best(steps.peer, route);
  const ceilingAt4 = steps.ceiling.find((run) => run.concurrency === 4)?.txPerSec ?? Number.NaN;
  const routeAAt4 = steps.ours.find((run) => run.route === 'A' && run.concurrency === 4);
  const oursAt4 = routeAAt4?.commandsPerSec ?? Number.NaN;
  const headline = {
    ratioRouteAvsPeer: ratio('A'),
    ratioRouteBvsPeer: ratio('B'),
    ratioRouteCvsPeer: ratio('C'),
    ratioCommandsVsCeiling: oursAt4 / ceilingAt4,
    ratioTransactionsVsCeiling: (routeAAt4?.transactionsPerSec ?? Number.NaN) / ceilingAt4,
    p99StartToFirstWaitMs: steps.paced?.startToFirstWaitMs.p99 ?? Number.NaN,
    rssGrowthMb: steps.scale?.rssGrowthMb ?? Number.NaN,
    taskListP99Ms: steps.scale?.taskListMs.p99 ?? Number.NaN,
    businessKeyP99Ms: steps.scale?.businessKeyMs.p99 ?? Number.NaN,
  };
  const waiting = steps.scale?.waiting ?? 0;
  const targets: Target[] = [
    atLeast('route A vs peer', 5, headline.ratioRouteAvsPeer, '>= 5x the peer (instances/s)'),
    atLeast('commands vs ceiling at 4', 0.5, headline.ratioCommandsVsCeiling, '>= 0.5x the ceiling (tx/s)'),
    atMost('p99 start to first wait at 100/s', 20, headline.p99StartToFirstWaitMs, '< 20 ms'),
    atMost(`RSS growth with ${waiting} waiting`, 10, headline.rssGrowthMb, '<= 10 MB (flat)'),
    atMost(`task-list p99 at ${waiting} waiting`, 50, headline.taskListP99Ms, '< 50 ms'),
  ];
  return {
    ...headline,
    definitions: {
      ratioRouteVsPeer: 'best instances/s of ours over concurrency 1 and 50 / best instances/s of bpmn-engine over concurrency 1 and 50',
      ratioCommandsVsCeiling:
        'engine commands/s (every command CommandStore ran, alone or in a group-commit batch) on route A with 4 instances in flight / ceiling tx/s (BEGIN, INSERT, UPDATE, COMMIT) on 4 connections',
      ratioTransactionsVsCeiling: 'CommandStore transactions/s (a batch is one) on route A with 4 instances in flight / ceiling tx/s on 4 connections (job acquisition statements not counted)',
      p99StartToFirstWaitMs: 'route B started at a paced 100/s (starts only), from the scheduled start until the start command committed at the user task',
      rssGrowthMb: 'RSS after GC with all scale instances waiting minus RSS after GC before the first was started',
    },
    targets,
    ...context,
    ...steps,
  };
}

function atLeast(name: string, target: number, actual: number, text: string): Target {
  return { name, target: text, actual, met: Number.isFinite(actual) ? actual >= target : null, margin: actual - target };
}

function atMost(name: string, target: number, actual: number, text: string): Target {
  return { name, target: text, actual, met: Number.isFinite(actual) ? actual <= target : null, margin: target - actual };
}

/** The human-readable table: one section per step, then the ratios and the targets. */
export function formatTable(context: BenchContext, steps: BenchSteps, summary: Record<string, unknown>): string {
  const lines: string[] = [];
  const f = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  const row = (cells: readonly string[], widths: readonly number[]): string => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
  lines.push(`Laufweg benchmark ${context.date} ${context.commit.slice(0, 10)}${context.quick ? ' (quick)' : ''}`);
  lines.push(`${context.machine.nproc} cores, ${f(context.machine.memoryGb, 1)} GB, node ${context.machine.node}; PostgreSQL ${context.database.kind} ${context.database.version} (fsync ${context.database.fsync}, synchronous_commit ${context.database.synchronousCommit})`);
  lines.push(`load average at start ${context.machine.loadAverageAtStart.join(' ')}, at end ${context.machine.loadAverageAtEnd?.join(' ') ?? '-'} (busy% below is the whole machine: other work on it shows there)`);
  lines.push('', 'ceiling: INSERT + UPDATE per transaction through pg');
  for (const run of steps.ceiling) lines.push(row([`  concurrency ${run.concurrency}`, `${f(run.txPerSec)} tx/s`], [20, 14]));
  lines.push('', 'peer: bpmn-engine in memory (instances/s)');
  const peerWidths = [10, 10, 10];
  lines.push(row(['  route', 'c=1', 'c=50'], peerWidths));
  for (const route of ROUTE_IDS) {
    const at = (c: number): string => f(steps.peer.find((run) => run.route === route && run.concurrency === c)?.instancesPerSec ?? Number.NaN);
    lines.push(row([`  ${route}`, at(1), at(50)], peerWidths));
  }
  lines.push('', 'ours: durable runtime on PostgreSQL with the in-process JobExecutor');
  const widths = [8, 4, 8, 8, 7, 6, 9, 9, 9, 9, 8, 6, 6];
  lines.push(row(['  route', 'c', 'inst/s', 'cmd/s', 'tx/s', 'q/cmd', 'end p50', 'end p99', 'wait p50', 'wait p99', 'peak RSS', 'cpu%', 'busy%'], widths));
  for (const run of steps.ours) {
    const r = run.resources;
    lines.push(row([`  ${run.route}`, String(run.concurrency), f(run.instancesPerSec, 1), f(run.commandsPerSec), f(run.transactionsPerSec), f(run.queriesPerCommand, 1), f(run.startToEndMs.p50, 1), f(run.startToEndMs.p99, 1), f(run.startToFirstWaitMs.p50, 1), f(run.startToFirstWaitMs.p99, 1), `${f(r.peakRssMb)} MB`, f(r.processCpuPct), f(r.machineBusyPct)], widths));
  }
  if (steps.paced) {
    const p = steps.paced;
    lines.push('', `paced: route ${p.route} at ${p.targetPerSec} starts/s (achieved ${f(p.achievedPerSec, 1)}, ${p.starts} starts)`);
    lines.push(`  start to first wait p50 ${f(p.startToFirstWaitMs.p50, 1)} ms, p99 ${f(p.startToFirstWaitMs.p99, 1)} ms, max ${f(p.startToFirstWaitMs.max, 1)} ms`);
  }
  if (steps.scale) {
    const s = steps.scale;
    lines.push('', `scale: ${s.waiting} waiting user tasks, created at ${f(s.createPerSec)} starts/s (concurrency ${s.concurrency})`);
    lines.push(`  RSS after GC: ${s.checkpoints.map((point) => `${point.waiting}: ${f(point.rssMb, 1)} MB`).join(', ')}`);
    lines.push(`  growth: RSS ${f(s.rssGrowthMb, 1)} MB, heap ${f(s.heapGrowthMb, 1)} MB${s.gcForced ? '' : ' (no --expose-gc: not settled)'}`);
    lines.push(`  task list p50 ${f(s.taskListMs.p50, 2)} ms, p99 ${f(s.taskListMs.p99, 2)} ms (${s.taskListMatchedRows} rows match before LIMIT); business key p50 ${f(s.businessKeyMs.p50, 2)} ms, p99 ${f(s.businessKeyMs.p99, 2)} ms`);
  }
  lines.push('', 'ratios');
  for (const key of ['ratioRouteAvsPeer', 'ratioRouteBvsPeer', 'ratioRouteCvsPeer', 'ratioCommandsVsCeiling', 'ratioTransactionsVsCeiling']) lines.push(`  ${key.padEnd(24)} ${f(summary[key] as number, 3)}`);
  lines.push('', 'targets');
  for (const target of summary['targets'] as Target[]) {
    lines.push(`  ${target.met === null ? 'n/a   ' : target.met ? 'met   ' : 'MISSED'} ${target.name.padEnd(40)} ${target.target.padEnd(28)} actual ${f(target.actual, 2)} (margin ${target.margin >= 0 ? '+' : ''}${f(target.margin, 2)})`);
  }
  return lines.join('\n');
}
